package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.provider.dialect.WorkersAiReader;
import dev.aigw.emulator.internal.reply.Decision;
import dev.aigw.emulator.internal.reply.ReplySource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fakes Workers AI's REST API. {@code POST .../ai/run/{model}} runs a model natively: text generation
 * (body {@code {"prompt":...}} or {@code {"messages":[...]}}, answer
 * {@code {"result":{"response","usage"},"success":true,"errors":[],"messages":[]}}; with
 * {@code "stream": true} {@code data: {"response":...}} events per word, a final event with empty
 * {@code response} and {@code usage}, then {@code data: [DONE]}), or embeddings for models whose name
 * contains {@code bge} or {@code embed} ({@code {"result":{"shape":[n,d],"data":[[...]],"pooling":"mean"}}}).
 * Every other model is treated as text generation. {@code max_tokens} defaults to 256, as on Workers AI. What a
 * text model says is decided by the reply source on the request read by {@link WorkersAiReader} and rendered by
 * {@link WorkersAiRendering} (tool calls, structured output); a refusal to answer is a 400 with code 5006.
 * {@code .../ai/v1/chat/completions}, {@code .../ai/v1/responses} and {@code .../ai/v1/embeddings} answer in
 * OpenAI's shapes. Errors use the Cloudflare v4 envelope {@code {"result":null,"success":false,
 * "errors":[{"code","message"}],"messages":[]}}.
 */
final class WorkersAiFake implements FakeProvider {

    private static final int DEFAULT_MAX_TOKENS = 256;

    private final OpenAiFake openAiStyle = new OpenAiFake("workers-ai", EnumSet.of(OpenAiEndpoint.CHAT_COMPLETIONS,
            OpenAiEndpoint.RESPONSES, OpenAiEndpoint.EMBEDDINGS), List.of());

    @Override
    public UpstreamReply answer(UpstreamRequest request, ReplySource replies) {
        String path = Replies.path(request);
        int run = path.indexOf("/ai/run/");
        if (run >= 0 && request.method().equalsIgnoreCase("POST")) {
            String model = path.substring(run + "/ai/run/".length());
            Optional<ObjectNode> body = Replies.object(request);
            if (body.isEmpty()) {
                return envelopeError(400, 5006, "AiError: Bad input: Error: the request body is not a JSON object");
            }
            String lower = model.toLowerCase(Locale.ROOT);
            return lower.contains("bge") || lower.contains("embed")
                    ? embeddings(model, body.get())
                    : textGeneration(request, replies, model, body.get());
        }
        if (path.contains("/ai/v1/")) {
            return openAiStyle.answer(request, replies);
        }
        return noRoute(request.path());
    }

    /**
     * Answers Workers AI's v4 error envelope for a status: 400 code 5006, 401/403 code 10000
     * "Authentication error", 404 code 7003, 408 code 3007, 413 code 3006, 429 code 3040 "Capacity
     * temporarily exceeded", 5xx code 3043 "Internal server error".
     */
    @Override
    public UpstreamReply error(int status, UpstreamRequest request) {
        switch (status) {
            case 400: return envelopeError(400, 5006, "AiError: Bad input");
            case 401: return envelopeError(401, 10000, "Authentication error");
            case 403: return envelopeError(403, 10000, "Authentication error");
            case 404: return noRoute(request.path());
            case 408: return envelopeError(408, 3007, "Request timeout");
            case 413: return envelopeError(413, 3006, "Request is too large");
            case 429: return envelopeError(429, 3040, "Capacity temporarily exceeded, please try again.");
            default:
                if (status < 400) {
                    return answer(request);
                }
                return status >= 500
                        ? envelopeError(status, 3043, "Internal server error")
                        : envelopeError(status, 5006, "AiError: request failed with status " + status);
        }
    }

    private UpstreamReply textGeneration(UpstreamRequest request, ReplySource replies, String model,
                                         ObjectNode body) {
        JsonNode messages = body.get("messages");
        JsonNode prompt = body.get("prompt");
        String userText;
        String promptText;
        if (prompt != null && prompt.isTextual()) {
            userText = prompt.textValue();
            promptText = userText;
        } else if (messages != null && messages.isArray()) {
            userText = OpenAiChat.lastUserText(messages);
            promptText = OpenAiChat.promptText(messages);
        } else {
            return envelopeError(400, 5006, "AiError: Bad input: Error: oneOf at '/' not all subschemas are valid: "
                    + "required properties at '/' are 'prompt'; required properties at '/' are 'messages'");
        }
        int maxTokens = Replies.positiveInt(body, "max_tokens");
        Conversation conversation = WorkersAiReader.read(body, model);
        Decision decision = replies.decide(request.provider(), request.now(), conversation, request.tags(), () ->
                Completion.of(model, userText, promptText, maxTokens == 0 ? DEFAULT_MAX_TOKENS : maxTokens).echo());
        if (decision instanceof Decision.Refuse refuse) {
            return envelopeError(400, 5006, refuse.message());
        }
        ModelReply reply = ((Decision.Answer) decision).reply();
        if (!body.path("stream").asBoolean(false)) {
            return Replies.json(200, envelope(WorkersAiRendering.result(reply)), Map.of());
        }
        return Replies.sse(WorkersAiRendering.events(reply), Map.of());
    }

    private static UpstreamReply embeddings(String model, ObjectNode body) {
        JsonNode text = body.get("text");
        if (text == null || !(text.isTextual() || text.isArray())) {
            return envelopeError(400, 5006, "AiError: Bad input: Error: required properties at '/' are 'text'");
        }
        List<String> texts = new ArrayList<>();
        if (text.isTextual()) {
            texts.add(text.textValue());
        } else {
            text.forEach(t -> texts.add(t.asText()));
        }
        String lower = model.toLowerCase(Locale.ROOT);
        int dimensions = lower.contains("small") ? 384 : lower.contains("large") ? 1024 : 768;
        ObjectNode result = Json.object();
        result.putArray("shape").add(texts.size()).add(dimensions);
        ArrayNode data = result.putArray("data");
        for (String t : texts) {
            ArrayNode row = data.addArray();
            for (float v : Ids.vector(model + "\n" + t, dimensions)) {
                row.add(v);
            }
        }
        result.put("pooling", "mean");
        return Replies.json(200, envelope(result), Map.of());
    }

    private static ObjectNode envelope(ObjectNode result) {
        ObjectNode envelope = Json.object();
        envelope.set("result", result);
        envelope.put("success", true);
        envelope.set("errors", Json.array());
        envelope.set("messages", Json.array());
        return envelope;
    }

    private static UpstreamReply noRoute(String path) {
        ObjectNode body = failure();
        ArrayNode errors = body.putArray("errors");
        errors.addObject().put("code", 7003).put("message",
                "Could not route to " + path + ", perhaps your object identifier is invalid?");
        errors.addObject().put("code", 7000).put("message", "No route for that URI");
        body.set("messages", Json.array());
        return Replies.json(404, body, Map.of());
    }

    private static UpstreamReply envelopeError(int status, int code, String message) {
        ObjectNode body = failure();
        body.putArray("errors").addObject().put("code", code).put("message", message);
        body.set("messages", Json.array());
        return Replies.json(status, body, Map.of());
    }

    private static ObjectNode failure() {
        ObjectNode body = Json.object();
        body.putNull("result");
        body.put("success", false);
        return body;
    }
}
