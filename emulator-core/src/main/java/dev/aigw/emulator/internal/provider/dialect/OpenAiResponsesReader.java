package dev.aigw.emulator.internal.provider.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.ToolCall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an OpenAI Responses API request ({@code instructions}, {@code input}, {@code tools}, {@code text.format}) in
 * neutral form. {@code input} is a string (one user message) or a list of items: messages by role (their
 * {@code input_text} and {@code output_text} parts), {@code function_call} items (the calls of the assistant turn
 * they belong to; consecutive assistant-side items, reasoning included, make one turn) and
 * {@code function_call_output} items (tool results, named after the call they answer). {@code instructions} and
 * system or developer messages make the system prompt.
 */
public final class OpenAiResponsesReader {

    private OpenAiResponsesReader() {
    }

    /** Reads a request body; {@code model} is the request's model. */
    public static Conversation read(JsonNode body, String model) {
        List<String> system = new ArrayList<>();
        String instructions = Parts.string(body, "instructions");
        if (instructions != null && !instructions.isEmpty()) {
            system.add(instructions);
        }
        Turns turns = new Turns();
        JsonNode input = body.path("input");
        if (input.isTextual()) {
            turns.user(input.textValue());
        }
        for (JsonNode item : input) {
            String type = item.path("type").asText("message");
            switch (type) {
                case "message" -> {
                    String text = Parts.text(item.get("content"));
                    switch (item.path("role").asText("")) {
                        case "system", "developer" -> system.add(text);
                        case "assistant" -> turns.assistantText(text);
                        default -> turns.user(text);
                    }
                }
                case "function_call" -> turns.call(Parts.string(item, "call_id"), Parts.string(item, "name"),
                        item.get("arguments"));
                case "function_call_output" -> turns.result(Parts.string(item, "call_id"), output(item.get("output")));
                case "reasoning" -> turns.assistantSide();
                default -> turns.other();
            }
        }
        return new Conversation(model, system.isEmpty() ? null : String.join("\n\n", system), turns.messages(),
                tools(body.path("tools")), outputSchema(body.path("text").path("format")));
    }

    /** Reads Responses {@code tools}: {@code {"type":"function", name, description, parameters, strict}}; strict by default. */
    static List<Conversation.Tool> tools(JsonNode tools) {
        List<Conversation.Tool> out = new ArrayList<>();
        for (JsonNode t : tools) {
            String name = Parts.string(t, "name");
            if ("function".equals(Parts.string(t, "type")) && name != null) {
                out.add(new Conversation.Tool(name, Parts.string(t, "description"), Parts.json(t.get("parameters")),
                        t.path("strict").asBoolean(true)));
            }
        }
        return out;
    }

    /** Reads {@code text.format}: a {@code json_schema}'s schema, {@code {"type":"object"}} for JSON mode. */
    static String outputSchema(JsonNode format) {
        String type = format.path("type").asText("");
        if (type.equals("json_schema")) {
            return Parts.json(format.get("schema"));
        }
        return type.equals("json_object") ? "{\"type\":\"object\"}" : null;
    }

    /** Returns a tool output as text: a string as itself, a list of content parts as their text. */
    private static String output(JsonNode output) {
        if (output != null && output.isArray()) {
            return Parts.text(output);
        }
        String text = Parts.json(output);
        return text == null ? "" : text;
    }

    /** Gathers messages, merging the items of one assistant turn (text, reasoning, calls) into one message. */
    private static final class Turns {
        private final List<Conversation.Message> messages = new ArrayList<>();
        private final Map<String, String> callNames = new HashMap<>();
        private List<ToolCall> openCalls;
        private List<String> openText;

        void user(String text) {
            close();
            messages.add(new Conversation.Message(Conversation.Role.USER, text, List.of(), null));
        }

        void assistantText(String text) {
            assistantSide();
            if (!text.isEmpty()) {
                openText.add(text);
            }
        }

        void call(String callId, String name, JsonNode arguments) {
            if (name == null || name.isEmpty()) {
                return;
            }
            assistantSide();
            openCalls.add(new ToolCall(callId, name, OpenAiChatReader.arguments(arguments)));
            if (callId != null) {
                callNames.put(callId, name);
            }
        }

        void result(String callId, String content) {
            close();
            messages.add(new Conversation.Message(Conversation.Role.TOOL, "", List.of(),
                    new Conversation.ToolResult(callId, callId == null ? null : callNames.get(callId), content)));
        }

        void assistantSide() {
            if (openCalls == null) {
                openCalls = new ArrayList<>();
                openText = new ArrayList<>();
                messages.add(null); // the turn's place, filled when it closes
            }
        }

        void other() {
            close();
        }

        List<Conversation.Message> messages() {
            close();
            return messages;
        }

        private void close() {
            if (openCalls != null) {
                messages.set(messages.size() - 1, new Conversation.Message(Conversation.Role.ASSISTANT,
                        String.join(" ", openText), openCalls, null));
                openCalls = null;
                openText = null;
            }
        }
    }
}
