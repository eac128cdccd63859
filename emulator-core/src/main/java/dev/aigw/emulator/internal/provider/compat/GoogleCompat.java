package dev.aigw.emulator.internal.provider.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.OpenAiChatFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates between OpenAI Chat Completions and the Gemini API. Requests: system and developer messages
 * become {@code systemInstruction}; user messages {@code user} contents, assistant messages {@code model}
 * contents (tool calls as {@code functionCall} parts), tool messages {@code functionResponse} parts
 * (consecutive contents of one role are merged); text parts become {@code text}, {@code data:} image URLs
 * {@code inlineData}, other image URLs {@code fileData}; sampling options go to {@code generationConfig}
 * ({@code temperature}, {@code topP}, {@code maxOutputTokens}, {@code stopSequences}, {@code candidateCount},
 * {@code seed}, {@code presencePenalty}, {@code frequencyPenalty}, {@code responseMimeType} and
 * {@code responseJsonSchema}); tools become {@code functionDeclarations} with their schema as
 * {@code parametersJsonSchema}. Answers: each candidate becomes a choice (text parts joined, thought parts
 * skipped, {@code functionCall} parts as {@code tool_calls}, a safety stop's {@code finishMessage} as
 * {@code refusal});
 * finishReason STOP → stop (tool_calls when the candidate calls a function), MAX_TOKENS → length, the safety
 * reasons → content_filter; usageMetadata → usage (completion = candidates + thoughts tokens).
 */
final class GoogleCompat {

    private GoogleCompat() {
    }

    static ObjectNode request(ObjectNode openAi) {
        ObjectNode out = Json.object();
        ArrayNode contents = Json.array();
        List<String> system = new ArrayList<>();
        Map<String, String> toolNames = new HashMap<>();
        for (JsonNode m : openAi.path("messages")) {
            String role = m.path("role").asText();
            if (role.equals("system") || role.equals("developer")) {
                system.add(Compat.text(m.get("content")));
            } else if (role.equals("tool")) {
                ObjectNode response = Json.object();
                ObjectNode call = response.putObject("functionResponse");
                call.put("name", toolNames.getOrDefault(m.path("tool_call_id").asText(), m.path("name").asText()));
                call.putObject("response").put("content", Compat.text(m.get("content")));
                append(contents, "user", Json.array().add(response));
            } else if (role.equals("assistant")) {
                ArrayNode parts = parts(m.get("content"));
                for (JsonNode call : m.path("tool_calls")) {
                    String name = call.path("function").path("name").asText();
                    toolNames.put(call.path("id").asText(), name);
                    ObjectNode functionCall = parts.addObject().putObject("functionCall");
                    functionCall.put("name", name);
                    functionCall.set("args", Compat.parseObject(call.path("function").path("arguments").asText("{}")));
                }
                append(contents, "model", parts);
            } else {
                append(contents, "user", parts(m.get("content")));
            }
        }
        out.set("contents", contents);
        if (!system.isEmpty()) {
            out.putObject("systemInstruction").putArray("parts").addObject().put("text", String.join("\n", system));
        }
        ObjectNode config = generationConfig(openAi);
        if (!config.isEmpty()) {
            out.set("generationConfig", config);
        }
        tools(openAi, out);
        return out;
    }

    private static ObjectNode generationConfig(ObjectNode openAi) {
        ObjectNode config = Json.object();
        copyNumber(openAi, "temperature", config, "temperature");
        copyNumber(openAi, "top_p", config, "topP");
        copyNumber(openAi, openAi.hasNonNull("max_completion_tokens") ? "max_completion_tokens" : "max_tokens", config,
                "maxOutputTokens");
        copyNumber(openAi, "n", config, "candidateCount");
        copyNumber(openAi, "seed", config, "seed");
        copyNumber(openAi, "presence_penalty", config, "presencePenalty");
        copyNumber(openAi, "frequency_penalty", config, "frequencyPenalty");
        JsonNode stop = openAi.get("stop");
        if (stop != null && stop.isTextual()) {
            config.set("stopSequences", Json.array().add(stop.textValue()));
        } else if (stop != null && stop.isArray()) {
            config.set("stopSequences", stop);
        }
        String format = openAi.path("response_format").path("type").asText();
        if (format.equals("json_object") || format.equals("json_schema")) {
            config.put("responseMimeType", "application/json");
        }
        if (format.equals("json_schema") && openAi.at("/response_format/json_schema/schema").isObject()) {
            config.set("responseJsonSchema", openAi.at("/response_format/json_schema/schema"));
        }
        return config;
    }

    private static void tools(ObjectNode openAi, ObjectNode out) {
        if (openAi.path("tools").isArray() && !openAi.get("tools").isEmpty()) {
            ArrayNode declarations = out.putArray("tools").addObject().putArray("functionDeclarations");
            for (JsonNode tool : openAi.get("tools")) {
                JsonNode function = tool.path("function");
                ObjectNode d = declarations.addObject();
                d.put("name", function.path("name").asText());
                if (function.path("description").isTextual()) {
                    d.set("description", function.get("description"));
                }
                if (function.path("parameters").isObject()) {
                    // JSON Schema as OpenAI clients write it (additionalProperties, $defs, ...): Gemini's
                    // OpenAPI-subset "parameters" rejects those keywords, parametersJsonSchema takes them
                    d.set("parametersJsonSchema", function.get("parameters"));
                }
            }
        }
        JsonNode choice = openAi.get("tool_choice");
        if (choice == null || choice.isNull()) {
            return;
        }
        ObjectNode calling = Json.object();
        if (choice.isTextual()) {
            String mode = Map.of("none", "NONE", "auto", "AUTO", "required", "ANY").get(choice.textValue());
            if (mode == null) {
                return;
            }
            calling.put("mode", mode);
        } else {
            calling.put("mode", "ANY");
            calling.putArray("allowedFunctionNames").add(choice.path("function").path("name").asText());
        }
        out.putObject("toolConfig").set("functionCallingConfig", calling);
    }

    private static ArrayNode parts(JsonNode content) {
        ArrayNode parts = Json.array();
        if (content == null || content.isNull()) {
            return parts;
        }
        if (content.isTextual()) {
            parts.addObject().put("text", content.textValue());
            return parts;
        }
        for (JsonNode part : content) {
            String type = part.path("type").asText();
            if (type.equals("text")) {
                parts.addObject().put("text", part.path("text").asText());
            } else if (type.equals("image_url")) {
                String url = part.path("image_url").path("url").asText();
                Compat.DataUrl data = Compat.DataUrl.parse(url);
                if (data != null) {
                    parts.addObject().putObject("inlineData").put("mimeType", data.mediaType())
                            .put("data", data.data());
                } else {
                    parts.addObject().putObject("fileData").put("mimeType", mimeTypeOf(url)).put("fileUri", url);
                }
            }
        }
        return parts;
    }

    private static String mimeTypeOf(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".png") ? "image/png" : lower.endsWith(".webp") ? "image/webp"
                : lower.endsWith(".gif") ? "image/gif" : "image/jpeg";
    }

    private static void append(ArrayNode contents, String role, ArrayNode parts) {
        JsonNode last = contents.isEmpty() ? null : contents.get(contents.size() - 1);
        if (last != null && last.path("role").asText().equals(role)) {
            ((ArrayNode) last.get("parts")).addAll(parts);
            return;
        }
        ObjectNode content = contents.addObject();
        content.put("role", role);
        content.set("parts", parts);
    }

    private static void copyNumber(JsonNode from, String name, ObjectNode to, String as) {
        if (from.path(name).isNumber()) {
            to.set(as, from.get(name));
        }
    }

    static ObjectNode completion(JsonNode response, String fallbackId, String fallbackModel, long created) {
        ArrayNode choices = Json.array();
        JsonNode candidates = response.path("candidates");
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode candidate = candidates.get(i);
            ArrayNode toolCalls = toolCalls(candidate, 0);
            String text = text(candidate);
            ObjectNode message = OpenAiChatFormat.message(text.isEmpty() && !toolCalls.isEmpty() ? null : text);
            if (!toolCalls.isEmpty()) {
                message.set("tool_calls", toolCalls);
            }
            String refusal = refusal(candidate);
            if (refusal != null) {
                message.put("refusal", refusal);
            }
            choices.add(OpenAiChatFormat.choice(candidate.path("index").asInt(i), message,
                    finishReason(candidate.path("finishReason").asText("STOP"), !toolCalls.isEmpty())));
        }
        if (choices.isEmpty()) {
            choices.add(OpenAiChatFormat.choice(0, OpenAiChatFormat.message(""), "content_filter"));
        }
        return OpenAiChatFormat.completion(id(response, fallbackId), created, model(response, fallbackModel), choices,
                usage(response.path("usageMetadata")));
    }

    static String finishReason(String reason, boolean callsTools) {
        switch (reason) {
            case "MAX_TOKENS": return "length";
            case "SAFETY": case "RECITATION": case "BLOCKLIST": case "PROHIBITED_CONTENT": case "SPII":
            case "IMAGE_SAFETY":
                return "content_filter";
            default: return callsTools ? "tool_calls" : "stop";
        }
    }

    /** Returns a safety stop's {@code finishMessage}, which OpenAI clients read as the message's refusal. */
    static String refusal(JsonNode candidate) {
        boolean filtered = finishReason(candidate.path("finishReason").asText("STOP"), false).equals("content_filter");
        return filtered && candidate.path("finishMessage").isTextual() ? candidate.get("finishMessage").textValue()
                : null;
    }

    static String text(JsonNode candidate) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.path("text").isTextual() && !part.path("thought").asBoolean(false)) {
                text.append(part.get("text").textValue());
            }
        }
        return text.toString();
    }

    static ArrayNode toolCalls(JsonNode candidate, int firstIndex) {
        ArrayNode calls = Json.array();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.has("functionCall")) {
                JsonNode call = part.get("functionCall");
                ObjectNode c = calls.addObject();
                c.put("id", call.path("id").isTextual() ? call.get("id").textValue()
                        : "call_" + (firstIndex + calls.size() - 1));
                c.put("type", "function");
                c.putObject("function").put("name", call.path("name").asText())
                        .put("arguments", Json.text(call.path("args").isObject() ? call.get("args") : Json.object()));
            }
        }
        return calls;
    }

    static ObjectNode usage(JsonNode meta) {
        if (meta.isMissingNode()) {
            return null;
        }
        int prompt = meta.path("promptTokenCount").asInt();
        int completion = meta.path("candidatesTokenCount").asInt() + meta.path("thoughtsTokenCount").asInt();
        return OpenAiChatFormat.usage(prompt, completion, meta.path("cachedContentTokenCount").asInt());
    }

    private static String id(JsonNode response, String fallback) {
        JsonNode responseId = response.path("responseId");
        return responseId.isTextual() ? "chatcmpl-" + responseId.textValue() : fallback;
    }

    private static String model(JsonNode response, String fallback) {
        return response.path("modelVersion").isTextual() ? response.get("modelVersion").textValue() : fallback;
    }
}
