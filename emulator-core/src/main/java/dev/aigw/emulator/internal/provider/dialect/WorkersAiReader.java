package dev.aigw.emulator.internal.provider.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.ToolCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Workers AI text-generation request ({@code POST .../ai/run/{model}}) in neutral form: a {@code prompt} is
 * one user message; {@code messages} read as OpenAI's (system, user, assistant and tool roles), an assistant's
 * {@code tool_calls} in Workers AI's shape {@code {"name","arguments"}} or OpenAI's
 * {@code {"id","type":"function","function":{...}}}, a tool message named by {@code name} or by the call its
 * {@code tool_call_id} answers. {@code tools} are Workers AI's {@code {name, description, parameters}} or OpenAI's
 * {@code {type: function, function: {...}}}; the output schema is {@code response_format.json_schema} (the schema
 * itself, as Workers AI documents it, or OpenAI's {@code {name, schema}} wrapper), {@code {"type":"object"}} for
 * {@code json_object}.
 */
public final class WorkersAiReader {

    private WorkersAiReader() {
    }

    /** Reads a request body; {@code model} is the model named in the request's URL path. */
    public static Conversation read(JsonNode body, String model) {
        List<String> system = new ArrayList<>();
        List<Conversation.Message> messages = new ArrayList<>();
        Map<String, String> callNames = new HashMap<>();
        if (body.path("prompt").isTextual()) {
            messages.add(new Conversation.Message(Conversation.Role.USER, body.get("prompt").textValue(), List.of(),
                    null));
        }
        for (JsonNode m : body.path("messages")) {
            String text = Parts.text(m.get("content"));
            switch (m.path("role").asText("")) {
                case "system", "developer" -> system.add(text);
                case "assistant" -> {
                    List<ToolCall> toolCalls = new ArrayList<>();
                    for (JsonNode call : m.path("tool_calls")) {
                        JsonNode function = call.path("function").isObject() ? call.get("function") : call;
                        String name = Parts.string(function, "name");
                        if (name == null || name.isEmpty()) {
                            continue;
                        }
                        String id = Parts.string(call, "id");
                        id = id != null ? id : name;
                        callNames.put(id, name);
                        toolCalls.add(new ToolCall(id, name, OpenAiChatReader.arguments(function.get("arguments"))));
                    }
                    messages.add(new Conversation.Message(Conversation.Role.ASSISTANT, text, toolCalls, null));
                }
                case "tool" -> {
                    String id = Parts.string(m, "tool_call_id");
                    String name = Parts.string(m, "name");
                    String named = name != null ? name : id == null ? null : callNames.get(id);
                    messages.add(new Conversation.Message(Conversation.Role.TOOL, "", List.of(),
                            new Conversation.ToolResult(id != null ? id : named, named, text)));
                }
                default -> messages.add(new Conversation.Message(Conversation.Role.USER, text, List.of(), null));
            }
        }
        return new Conversation(model, system.isEmpty() ? null : String.join("\n\n", system), messages,
                tools(body.path("tools")), outputSchema(body.path("response_format")));
    }

    private static List<Conversation.Tool> tools(JsonNode tools) {
        List<Conversation.Tool> out = new ArrayList<>();
        for (JsonNode t : tools) {
            JsonNode f = t.path("function").isObject() ? t.get("function") : t;
            String name = Parts.string(f, "name");
            if (name != null) {
                out.add(new Conversation.Tool(name, Parts.string(f, "description"), Parts.json(f.get("parameters")),
                        f.path("strict").asBoolean(false)));
            }
        }
        return out;
    }

    private static String outputSchema(JsonNode format) {
        String type = format.path("type").asText("");
        if (type.equals("json_schema")) {
            JsonNode schema = format.path("json_schema");
            return schema.path("schema").isObject() && !schema.has("type") ? Parts.json(schema.get("schema"))
                    : schema.isObject() ? Parts.json(schema) : null;
        }
        return type.equals("json_object") ? "{\"type\":\"object\"}" : null;
    }
}
