package dev.aigw.emulator.internal.provider.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.util.Logs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Reads an OpenAI Chat Completions request ({@code messages}, {@code tools}, {@code response_format}) in neutral
 * form; every OpenAI-compatible provider and Azure OpenAI send the same shape. System and developer messages make
 * the system prompt; {@code tool} (and legacy {@code function}) messages are tool results, named after the call they
 * answer.
 */
public final class OpenAiChatReader {

    private static final Logger LOG = Logs.getLogger(OpenAiChatReader.class);

    private OpenAiChatReader() {
    }

    /** Reads a request body; {@code model} is the request's model. */
    public static Conversation read(JsonNode body, String model) {
        List<String> system = new ArrayList<>();
        List<Conversation.Message> messages = new ArrayList<>();
        Map<String, String> callNames = new HashMap<>();
        for (JsonNode m : body.path("messages")) {
            String role = m.path("role").asText("");
            String text = Parts.text(m.get("content"));
            switch (role) {
                case "system", "developer" -> system.add(text);
                case "assistant" -> {
                    List<ToolCall> calls = new ArrayList<>();
                    for (JsonNode call : m.path("tool_calls")) {
                        String name = call.path("function").path("name").asText("");
                        String id = Parts.string(call, "id");
                        if (!name.isEmpty()) {
                            calls.add(new ToolCall(id, name, arguments(call.path("function").get("arguments"))));
                            if (id != null) {
                                callNames.put(id, name);
                            }
                        }
                    }
                    messages.add(new Conversation.Message(Conversation.Role.ASSISTANT, text, calls, null));
                }
                case "tool" -> {
                    String id = Parts.string(m, "tool_call_id");
                    messages.add(new Conversation.Message(Conversation.Role.TOOL, "", List.of(),
                            new Conversation.ToolResult(id, id == null ? null : callNames.get(id), text)));
                }
                case "function" -> {
                    String name = Parts.string(m, "name");
                    messages.add(new Conversation.Message(Conversation.Role.TOOL, "", List.of(),
                            new Conversation.ToolResult(name, name, text)));
                }
                default -> messages.add(new Conversation.Message(Conversation.Role.USER, text, List.of(), null));
            }
        }
        return new Conversation(model, system.isEmpty() ? null : String.join("\n\n", system), messages,
                tools(body.path("tools")), outputSchema(body.path("response_format")));
    }

    /** Reads Chat Completions {@code tools}: {@code {"type":"function","function":{name, description, parameters, strict}}}. */
    static List<Conversation.Tool> tools(JsonNode tools) {
        List<Conversation.Tool> out = new ArrayList<>();
        for (JsonNode t : tools) {
            JsonNode f = t.path("function");
            String name = Parts.string(f, "name");
            if (name != null) {
                out.add(new Conversation.Tool(name, Parts.string(f, "description"), Parts.json(f.get("parameters")),
                        f.path("strict").asBoolean(false)));
            }
        }
        return out;
    }

    /** Reads {@code response_format}: a {@code json_schema}'s schema, {@code {"type":"object"}} for JSON mode. */
    static String outputSchema(JsonNode format) {
        String type = format.path("type").asText("");
        if (type.equals("json_schema")) {
            return Parts.json(format.path("json_schema").get("schema"));
        }
        return type.equals("json_object") ? "{\"type\":\"object\"}" : null;
    }

    /** Returns a call's arguments as JSON object text, or {@code "{}"} when they are not a JSON object. */
    static String arguments(JsonNode arguments) {
        String text = Parts.json(arguments);
        if (text == null) {
            return "{}";
        }
        try {
            JsonNode parsed = Json.parse(text);
            return parsed != null && parsed.isObject() ? text : "{}";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.debug("A tool call's arguments are not JSON; read as an empty object", e);
            return "{}"; // a client's malformed arguments are not the conversation's to judge
        }
    }
}
