package dev.aigw.emulator.internal.provider.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.ToolCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Cohere v2 chat request ({@code POST /v2/chat}) in neutral form: {@code system} messages make the system
 * prompt; {@code assistant} messages carry {@code tool_calls} ({@code {id, type: function, function: {name,
 * arguments}}}); {@code tool} messages are tool results, named after the call their {@code tool_call_id} answers,
 * their content a string or blocks of {@code text} or {@code document} ({@code document.data}). {@code tools} are
 * OpenAI's {@code {type: function, function: {...}}} (all strict with {@code strict_tools: true}); the output schema
 * is {@code response_format.json_schema} with {@code type: json_object}, or {@code {"type":"object"}} without one.
 */
public final class CohereReader {

    private CohereReader() {
    }

    /** Reads a request body; {@code model} is the request's model. */
    public static Conversation read(JsonNode body, String model) {
        List<String> system = new ArrayList<>();
        List<Conversation.Message> messages = new ArrayList<>();
        Map<String, String> callNames = new HashMap<>();
        for (JsonNode m : body.path("messages")) {
            String role = m.path("role").asText("");
            switch (role) {
                case "system" -> system.add(Parts.text(m.get("content")));
                case "assistant" -> {
                    List<ToolCall> calls = new ArrayList<>();
                    for (JsonNode call : m.path("tool_calls")) {
                        String name = Parts.string(call.path("function"), "name");
                        if (name == null || name.isEmpty()) {
                            continue;
                        }
                        String id = Parts.string(call, "id");
                        if (id != null) {
                            callNames.put(id, name);
                        }
                        calls.add(new ToolCall(id, name,
                                OpenAiChatReader.arguments(call.path("function").get("arguments"))));
                    }
                    messages.add(new Conversation.Message(Conversation.Role.ASSISTANT, Parts.text(m.get("content")),
                            calls, null));
                }
                case "tool" -> {
                    String id = Parts.string(m, "tool_call_id");
                    messages.add(new Conversation.Message(Conversation.Role.TOOL, "", List.of(),
                            new Conversation.ToolResult(id, id == null ? null : callNames.get(id),
                                    toolContent(m.get("content")))));
                }
                default -> messages.add(new Conversation.Message(Conversation.Role.USER, Parts.text(m.get("content")),
                        List.of(), null));
            }
        }
        List<Conversation.Tool> tools = OpenAiChatReader.tools(body.path("tools"));
        if (body.path("strict_tools").asBoolean(false)) {
            tools = tools.stream().map(t -> new Conversation.Tool(t.name(), t.description(), t.parameters(), true))
                    .toList();
        }
        return new Conversation(model, system.isEmpty() ? null : String.join("\n\n", system), messages, tools,
                outputSchema(body.path("response_format")));
    }

    /** Returns a tool result's text: a string, or its blocks' text and documents' data joined by a space. */
    private static String toolContent(JsonNode content) {
        if (content == null || !content.isArray()) {
            return Parts.text(content);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode block : content) {
            String text = block.path("document").isObject()
                    ? Parts.json(block.get("document").has("data") ? block.get("document").get("data")
                            : block.get("document"))
                    : Parts.text(block);
            if (text != null && !text.isEmpty()) {
                texts.add(text);
            }
        }
        return String.join(" ", texts);
    }

    private static String outputSchema(JsonNode format) {
        if (!format.path("type").asText("").equals("json_object")) {
            return null;
        }
        return format.path("json_schema").isObject() ? Parts.json(format.get("json_schema")) : "{\"type\":\"object\"}";
    }
}
