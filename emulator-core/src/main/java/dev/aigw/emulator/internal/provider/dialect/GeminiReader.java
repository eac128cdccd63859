package dev.aigw.emulator.internal.provider.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Gemini {@code generateContent} request (Google AI Studio and Vertex AI share it) in neutral form.
 * {@code systemInstruction} is the system prompt; {@code contents} of role {@code user} (or none) are user messages
 * and of role {@code model} assistant messages, whose {@code functionCall} parts are tool calls; each
 * {@code functionResponse} part is a {@link Conversation.Role#TOOL} message. Gemini gives calls no ids, so a call's
 * id and its result's id are the tool's name (an {@code id} the client sends wins). Thought parts are left out.
 * {@code tools[].functionDeclarations} are the tools offered, their {@code parameters} (Gemini's OpenAPI subset)
 * normalized to JSON Schema, or their {@code parametersJsonSchema} as given; the output schema is
 * {@code generationConfig.responseJsonSchema} or the normalized {@code responseSchema}, or {@code {"type":"object"}}
 * for JSON mode without a schema ({@code responseMimeType: application/json}).
 */
public final class GeminiReader {

    private static final String JSON_MIME_TYPE = "application/json";

    private GeminiReader() {
    }

    /** Reads a request body; {@code model} is the model named in the request's URL path. */
    public static Conversation read(JsonNode body, String model) {
        List<Conversation.Message> messages = new ArrayList<>();
        for (JsonNode content : body.path("contents")) {
            boolean fromModel = content.path("role").asText("user").equals("model");
            List<String> texts = new ArrayList<>();
            List<ToolCall> calls = new ArrayList<>();
            for (JsonNode part : content.path("parts")) {
                if (part.path("thought").asBoolean(false)) {
                    continue;
                }
                if (part.path("text").isTextual()) {
                    texts.add(part.get("text").textValue());
                } else if (part.path("functionCall").isObject()) {
                    JsonNode call = part.get("functionCall");
                    String name = Parts.string(call, "name");
                    if (name != null && !name.isEmpty()) {
                        String id = Parts.string(call, "id");
                        calls.add(new ToolCall(id != null ? id : name, name,
                                OpenAiChatReader.arguments(call.get("args"))));
                    }
                } else if (part.path("functionResponse").isObject()) {
                    messages.add(toolMessage(part.get("functionResponse")));
                }
            }
            if (fromModel) {
                if (!texts.isEmpty() || !calls.isEmpty()) {
                    messages.add(new Conversation.Message(Conversation.Role.ASSISTANT, String.join(" ", texts), calls,
                            null));
                }
            } else if (!texts.isEmpty()) {
                messages.add(new Conversation.Message(Conversation.Role.USER, String.join(" ", texts), List.of(),
                        null));
            }
        }
        String system = Parts.text(body.get("systemInstruction"));
        return new Conversation(model, system.isEmpty() ? null : system, messages, tools(body.path("tools")),
                outputSchema(body.path("generationConfig")));
    }

    private static Conversation.Message toolMessage(JsonNode response) {
        String name = Parts.string(response, "name");
        String id = Parts.string(response, "id");
        return new Conversation.Message(Conversation.Role.TOOL, "", List.of(),
                new Conversation.ToolResult(id != null ? id : name, name, resultText(response.get("response"))));
    }

    /**
     * Returns a function response's text: a response of one text member (the {@code output} Google's docs name, or
     * {@code content} or {@code result}) is that text, any other response its JSON text.
     */
    private static String resultText(JsonNode response) {
        if (response == null || response.isNull() || response.isMissingNode()) {
            return "";
        }
        if (response.isObject() && response.size() == 1) {
            for (String member : List.of("output", "content", "result")) {
                if (response.path(member).isTextual()) {
                    return response.get(member).textValue();
                }
            }
        }
        return Parts.json(response);
    }

    private static List<Conversation.Tool> tools(JsonNode tools) {
        List<Conversation.Tool> out = new ArrayList<>();
        for (JsonNode tool : tools) {
            for (JsonNode declaration : tool.path("functionDeclarations")) {
                String name = Parts.string(declaration, "name");
                if (name == null) {
                    continue;
                }
                String parameters = declaration.path("parametersJsonSchema").isObject()
                        ? Parts.json(declaration.get("parametersJsonSchema"))
                        : GeminiSchema.toJsonSchema(declaration.get("parameters"));
                out.add(new Conversation.Tool(name, Parts.string(declaration, "description"), parameters, false));
            }
        }
        return out;
    }

    private static String outputSchema(JsonNode config) {
        if (config.path("responseJsonSchema").isObject()) {
            return Parts.json(config.get("responseJsonSchema"));
        }
        if (config.path("responseSchema").isObject()) {
            return GeminiSchema.toJsonSchema(config.get("responseSchema"));
        }
        return JSON_MIME_TYPE.equals(Parts.string(config, "responseMimeType")) ? "{\"type\":\"object\"}" : null;
    }
}
