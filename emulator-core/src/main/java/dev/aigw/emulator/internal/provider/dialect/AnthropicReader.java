package dev.aigw.emulator.internal.provider.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Anthropic Messages request ({@code system}, {@code messages}, {@code tools}, {@code output_config}) in
 * neutral form. {@code system} is a string or text blocks. A message's content is a string or blocks: {@code text}
 * blocks give its text, {@code tool_use} blocks of an assistant turn its tool calls, and the {@code tool_result}
 * blocks of a user turn become {@link Conversation.Role#TOOL} messages (named after the call they answer), followed
 * by a user message with the rest of that turn's text when it has any; {@code image}, {@code document},
 * {@code thinking} and {@code redacted_thinking} blocks are left out. The output schema is that of
 * {@code output_config.format} ({@code {"type":"json_schema","schema":{...}}}), or of the deprecated beta
 * {@code output_format} of the same shape.
 */
public final class AnthropicReader {

    private AnthropicReader() {
    }

    /** Reads a request body; {@code model} is the request's model. Never throws: odd members are left out. */
    public static Conversation read(JsonNode body, String model) {
        List<Conversation.Message> messages = new ArrayList<>();
        Map<String, String> callNames = new HashMap<>();
        for (JsonNode m : body.path("messages")) {
            JsonNode content = m.get("content");
            if ("assistant".equals(m.path("role").asText(""))) {
                messages.add(new Conversation.Message(Conversation.Role.ASSISTANT, text(content),
                        toolCalls(content, callNames), null));
            } else {
                userTurn(content, callNames, messages);
            }
        }
        return new Conversation(model, system(body.get("system")), messages, tools(body.path("tools")),
                outputSchema(body));
    }

    private static String system(JsonNode system) {
        if (system == null || system.isNull() || system.isMissingNode()) {
            return null;
        }
        if (!system.isArray()) {
            return Parts.text(system);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode block : system) {
            String t = Parts.text(block);
            if (!t.isEmpty()) {
                texts.add(t);
            }
        }
        return String.join("\n\n", texts);
    }

    /** Returns the text of a content: the string itself, or its {@code text} blocks joined by a space. */
    private static String text(JsonNode content) {
        if (content == null || !content.isArray()) {
            return Parts.text(content);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()
                    && !block.get("text").textValue().isEmpty()) {
                texts.add(block.get("text").textValue());
            }
        }
        return String.join(" ", texts);
    }

    private static List<ToolCall> toolCalls(JsonNode content, Map<String, String> callNames) {
        List<ToolCall> calls = new ArrayList<>();
        if (content == null || !content.isArray()) {
            return calls;
        }
        for (JsonNode block : content) {
            String name = Parts.string(block, "name");
            if ("tool_use".equals(block.path("type").asText()) && name != null && !name.isBlank()) {
                String id = Parts.string(block, "id");
                JsonNode input = block.get("input");
                calls.add(new ToolCall(id, name, input != null && input.isObject() ? Json.text(input) : "{}"));
                if (id != null) {
                    callNames.put(id, name);
                }
            }
        }
        return calls;
    }

    private static void userTurn(JsonNode content, Map<String, String> callNames,
                                 List<Conversation.Message> messages) {
        boolean results = false;
        if (content != null && content.isArray()) {
            for (JsonNode block : content) {
                if ("tool_result".equals(block.path("type").asText())) {
                    String id = Parts.string(block, "tool_use_id");
                    messages.add(new Conversation.Message(Conversation.Role.TOOL, "", List.of(),
                            new Conversation.ToolResult(id, id == null ? null : callNames.get(id),
                                    Parts.text(block.get("content")))));
                    results = true;
                }
            }
        }
        String text = text(content);
        if (!results || !text.isEmpty()) {
            messages.add(new Conversation.Message(Conversation.Role.USER, text, List.of(), null));
        }
    }

    /** Reads {@code tools}: {@code {name, description, input_schema, strict}}; server tools have no schema. */
    private static List<Conversation.Tool> tools(JsonNode tools) {
        List<Conversation.Tool> out = new ArrayList<>();
        for (JsonNode t : tools) {
            String name = Parts.string(t, "name");
            if (name != null) {
                out.add(new Conversation.Tool(name, Parts.string(t, "description"), Parts.json(t.get("input_schema")),
                        t.path("strict").asBoolean(false)));
            }
        }
        return out;
    }

    private static String outputSchema(JsonNode body) {
        JsonNode format = body.path("output_config").path("format");
        if (!format.isObject()) {
            format = body.path("output_format");
        }
        return "json_schema".equals(format.path("type").asText()) ? Parts.json(format.get("schema")) : null;
    }
}
