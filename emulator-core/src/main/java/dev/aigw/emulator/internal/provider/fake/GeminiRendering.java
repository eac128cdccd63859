package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.reply.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ModelReply} as a Gemini {@code GenerateContentResponse}, whole or as the chunks of
 * {@code streamGenerateContent}. The candidate's {@code content.parts} hold, in order, the reasoning as a
 * {@code {"text", "thought": true}} part, the text parts, structured output as text, and one
 * {@code {"functionCall": {"name", "args"}}} part per tool call (with {@code id} only when the reply gives one:
 * Gemini's API leaves it out). {@code finishReason} is {@code STOP} (also for tool calls, as Gemini reports),
 * {@code MAX_TOKENS} or {@code SAFETY}; a refusal's message is the candidate's {@code finishMessage}.
 * {@code usageMetadata} has {@code promptTokenCount}, {@code candidatesTokenCount}, {@code totalTokenCount},
 * {@code cachedContentTokenCount} when some are cached and {@code thoughtsTokenCount} with reasoning. Streamed:
 * one chunk per word of reasoning and text, one chunk per whole function call (Gemini does not split
 * arguments), {@code finishReason} and {@code usageMetadata} on the last chunk.
 */
final class GeminiRendering {

    private final String model;
    private final String responseId;

    /** Renders for a model (the response's {@code modelVersion}) with a response id. */
    GeminiRendering(String model, String responseId) {
        this.model = model;
        this.responseId = responseId;
    }

    /** Returns the whole response. */
    ObjectNode response(ModelReply reply) {
        ArrayNode parts = Json.array();
        if (reply.reasoning() != null) {
            parts.add(thought(reply.reasoning()));
        }
        for (String text : texts(reply)) {
            parts.add(text(text));
        }
        reply.toolCalls().forEach(call -> parts.add(functionCall(call)));
        return chunk(parts, reply);
    }

    /** Returns the stream's chunks, oldest first; the last one carries the finish reason and usage. */
    List<ObjectNode> chunks(ModelReply reply) {
        List<ArrayNode> partsPerChunk = new ArrayList<>();
        if (reply.reasoning() != null) {
            FakeText.pieces(reply.reasoning()).forEach(p -> partsPerChunk.add(Json.array().add(thought(p))));
        }
        for (String text : texts(reply)) {
            List<String> pieces = FakeText.pieces(text);
            (pieces.isEmpty() ? List.of(text) : pieces).forEach(p -> partsPerChunk.add(Json.array().add(text(p))));
        }
        reply.toolCalls().forEach(call -> partsPerChunk.add(Json.array().add(functionCall(call))));
        if (partsPerChunk.isEmpty()) {
            partsPerChunk.add(Json.array());
        }
        List<ObjectNode> chunks = new ArrayList<>();
        for (int i = 0; i < partsPerChunk.size(); i++) {
            chunks.add(chunk(partsPerChunk.get(i), i == partsPerChunk.size() - 1 ? reply : null));
        }
        return chunks;
    }

    /** Returns Gemini's finish reason for a neutral one: tool calls end with {@code STOP}, as on Gemini. */
    static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP, TOOL_CALLS -> "STOP";
            case LENGTH -> "MAX_TOKENS";
            case CONTENT_FILTER -> "SAFETY";
        };
    }

    private static List<String> texts(ModelReply reply) {
        List<String> texts = new ArrayList<>(reply.text());
        if (reply.json() != null) {
            texts.add(reply.json());
        }
        return texts;
    }

    /** Returns one response chunk; {@code last} (finish reason, usage) is null for a chunk before the last. */
    private ObjectNode chunk(ArrayNode parts, ModelReply last) {
        ObjectNode response = Json.object();
        ObjectNode candidate = response.putArray("candidates").addObject();
        if (!parts.isEmpty() || last == null || last.refusal() == null) {
            ObjectNode content = candidate.putObject("content");
            content.set("parts", parts);
            content.put("role", "model");
        }
        if (last != null) {
            candidate.put("finishReason", finishReason(last.finishReason()));
            if (last.refusal() != null) {
                candidate.put("finishMessage", last.refusal());
            }
        }
        candidate.put("index", 0);
        if (last != null) {
            response.set("usageMetadata", usage(last));
        }
        response.put("modelVersion", model);
        response.put("responseId", responseId);
        return response;
    }

    private static ObjectNode usage(ModelReply reply) {
        TokenUsage usage = reply.usage();
        int thoughts = reply.reasoning() == null ? 0 : Tokens.count(reply.reasoning());
        ObjectNode meta = Json.object();
        meta.put("promptTokenCount", usage.inputTokens());
        meta.put("candidatesTokenCount", usage.outputTokens());
        meta.put("totalTokenCount", usage.totalTokens() + thoughts);
        if (usage.cachedTokens() > 0) {
            meta.put("cachedContentTokenCount", usage.cachedTokens());
        }
        meta.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", usage.inputTokens());
        if (thoughts > 0) {
            meta.put("thoughtsTokenCount", thoughts);
        }
        return meta;
    }

    private static ObjectNode text(String text) {
        return Json.object().put("text", text);
    }

    private static ObjectNode thought(String text) {
        return Json.object().put("text", text).put("thought", true);
    }

    private static ObjectNode functionCall(ToolCall call) {
        ObjectNode part = Json.object();
        ObjectNode functionCall = part.putObject("functionCall");
        if (call.id() != null) {
            functionCall.put("id", call.id());
        }
        functionCall.put("name", call.name());
        functionCall.set("args", arguments(call.arguments()));
        return part;
    }

    private static JsonNode arguments(String arguments) {
        if (arguments == null) {
            return Json.object();
        }
        try {
            return Json.parse(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tool call's arguments were checked to be a JSON object", e);
        }
    }
}
