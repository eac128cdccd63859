package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.provider.dialect.GeminiReader;
import dev.aigw.emulator.internal.provider.dialect.Parts;
import dev.aigw.emulator.internal.reply.Decision;
import dev.aigw.emulator.internal.reply.ReplySource;
import dev.aigw.emulator.internal.reply.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fakes the Gemini API (Google AI Studio, and Vertex AI's {@code publishers/google/models/...} paths, which
 * share its shapes): {@code POST .../models/{model}:generateContent} answers a
 * {@code GenerateContentResponse} ({@code candidates}, {@code usageMetadata}, {@code modelVersion},
 * {@code responseId}); {@code :streamGenerateContent} answers, with {@code alt=sse} in the query, one
 * {@code data:} event per word whose last one carries {@code finishReason} and {@code usageMetadata} (no
 * {@code [DONE]}), and without it the same chunks as one JSON array. What the model says is decided by the reply
 * source on the request read by {@link GeminiReader} and rendered by {@link GeminiRendering}; a refusal to answer
 * is Google's 400 {@code INVALID_ARGUMENT}. Also {@code :countTokens},
 * {@code :embedContent} and {@code :batchEmbedContents} (8 floats, or {@code outputDimensionality}).
 * Errors are {@code {"error":{"code","message","status"}}}.
 */
final class GoogleAiStudioFake implements FakeProvider {

    private static final Pattern METHOD = Pattern.compile(".*/models/([^/:]+):([A-Za-z]+)");
    private static final int DEFAULT_DIMENSIONS = 8;

    @Override
    public UpstreamReply answer(UpstreamRequest request, ReplySource replies) {
        Matcher m = METHOD.matcher(Replies.path(request));
        if (!m.matches() || !request.method().equalsIgnoreCase("POST")) {
            return error(404, "NOT_FOUND", "The emulator's fake Gemini API answers POST .../models/{model}:"
                    + "generateContent, :streamGenerateContent, :countTokens, :embedContent and :batchEmbedContents;"
                    + " for " + request.method() + " " + request.path() + " configure a real upstream, e.g. "
                    + NoFakeYet.builderHint(request.provider()));
        }
        String model = m.group(1);
        String method = m.group(2);
        Optional<ObjectNode> parsed = Replies.object(request);
        if (parsed.isEmpty()) {
            return error(400, "INVALID_ARGUMENT", "Invalid JSON payload received. Unexpected token.");
        }
        ObjectNode body = parsed.get();
        switch (method) {
            case "generateContent":
            case "streamGenerateContent":
                return generate(request, replies, model, body, method.equals("streamGenerateContent"));
            case "countTokens":
                ObjectNode count = Json.object();
                int tokens = Tokens.count(promptText(body.has("generateContentRequest")
                        ? body.get("generateContentRequest") : body));
                count.put("totalTokens", tokens);
                count.putArray("promptTokensDetails").addObject().put("modality", "TEXT").put("tokenCount", tokens);
                return Replies.json(200, count, Map.of());
            case "embedContent":
                ObjectNode one = Json.object();
                one.set("embedding", embedding(model, body));
                return Replies.json(200, one, Map.of());
            case "batchEmbedContents":
                ObjectNode batch = Json.object();
                ArrayNode embeddings = batch.putArray("embeddings");
                body.path("requests").forEach(r -> embeddings.add(embedding(model, r)));
                return Replies.json(200, batch, Map.of());
            default:
                return error(404, "NOT_FOUND", "Method " + method + " is not found for model models/" + model + ".");
        }
    }

    /**
     * Answers Google's error for a status: 400 {@code INVALID_ARGUMENT}, 401 {@code UNAUTHENTICATED}, 403
     * {@code PERMISSION_DENIED}, 404 {@code NOT_FOUND}, 409 {@code ABORTED}, 429 {@code RESOURCE_EXHAUSTED}
     * (with a {@code RetryInfo} detail), 499 {@code CANCELLED}, 500 {@code INTERNAL}, 501
     * {@code UNIMPLEMENTED}, 503 {@code UNAVAILABLE}, 504 {@code DEADLINE_EXCEEDED}.
     */
    @Override
    public UpstreamReply error(int status, UpstreamRequest request) {
        switch (status) {
            case 400: return error(400, "INVALID_ARGUMENT", "Request contains an invalid argument.");
            case 401: return error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
            case 403: return error(403, "PERMISSION_DENIED", "The caller does not have permission");
            case 404: return error(404, "NOT_FOUND", "Requested entity was not found.");
            case 409: return error(409, "ABORTED", "The operation was aborted.");
            case 429:
                ObjectNode body = errorBody(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check "
                        + "quota).");
                ObjectNode retry = ((ObjectNode) body.get("error")).putArray("details").addObject();
                retry.put("@type", "type.googleapis.com/google.rpc.RetryInfo");
                retry.put("retryDelay", "1s");
                return Replies.json(429, body, Map.of());
            case 499: return error(499, "CANCELLED", "The operation was cancelled.");
            case 500: return error(500, "INTERNAL", "An internal error has occurred. Please retry or report in "
                    + "https://developers.generativeai.google/guide/troubleshooting");
            case 501: return error(501, "UNIMPLEMENTED", "Operation is not implemented, or supported, or enabled.");
            case 503: return error(503, "UNAVAILABLE", "The model is overloaded. Please try again later.");
            case 504: return error(504, "DEADLINE_EXCEEDED", "Deadline expired before operation could complete.");
            default:
                if (status < 400) {
                    return answer(request);
                }
                return error(status, status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION",
                        "Request failed with status " + status + ".");
        }
    }

    private UpstreamReply generate(UpstreamRequest request, ReplySource replies, String model, ObjectNode body,
                                   boolean stream) {
        JsonNode contents = body.get("contents");
        if (contents == null || !contents.isArray() || contents.isEmpty()) {
            return error(400, "INVALID_ARGUMENT", "* GenerateContentRequest.contents: contents is not specified\n");
        }
        int maxTokens = Replies.positiveInt(body.path("generationConfig"), "maxOutputTokens");
        Conversation conversation = GeminiReader.read(body, model);
        Decision decision = replies.decide(request.provider(), request.now(), conversation, request.tags(), () ->
                Completion.of(model, lastUserText(contents), promptText(body), maxTokens).echo());
        if (decision instanceof Decision.Refuse refuse) {
            return error(400, "INVALID_ARGUMENT", refuse.message());
        }
        ModelReply reply = ((Decision.Answer) decision).reply();
        GeminiRendering rendering = new GeminiRendering(model, Ids.alphanumeric(request, "responseId", 22));
        if (!stream) {
            return Replies.json(200, rendering.response(reply), Map.of());
        }
        List<ObjectNode> chunks = rendering.chunks(reply);
        if (!Replies.queryHas(request, "alt", "sse")) {
            ArrayNode array = Json.array();
            chunks.forEach(array::add);
            return Replies.json(200, array, Map.of());
        }
        List<SseEvent> events = new ArrayList<>();
        chunks.forEach(ch -> events.add(Replies.data(ch)));
        return Replies.sse(events, Map.of());
    }

    private static ObjectNode embedding(String model, JsonNode request) {
        int dimensions = Replies.positiveInt(request, "outputDimensionality");
        dimensions = dimensions == 0 ? DEFAULT_DIMENSIONS : Math.min(dimensions, 4096);
        ObjectNode embedding = Json.object();
        ArrayNode values = embedding.putArray("values");
        for (float v : Ids.vector(model + "\n" + Parts.text(request.path("content")), dimensions)) {
            values.add(v);
        }
        return embedding;
    }

    private static String lastUserText(JsonNode contents) {
        String last = "";
        for (JsonNode c : contents) {
            String role = c.path("role").asText("user");
            if (role.isEmpty() || role.equals("user")) {
                last = Parts.text(c.get("parts"));
            }
        }
        return last;
    }

    private static String promptText(JsonNode body) {
        List<String> texts = new ArrayList<>();
        if (body.has("systemInstruction")) {
            texts.add(Parts.text(body.get("systemInstruction")));
        }
        body.path("contents").forEach(c -> texts.add(Parts.text(c.get("parts"))));
        return String.join("\n", texts);
    }

    private static UpstreamReply error(int status, String code, String message) {
        return Replies.json(status, errorBody(status, code, message), Map.of());
    }

    private static ObjectNode errorBody(int status, String code, String message) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("code", status);
        error.put("message", message);
        error.put("status", code);
        return body;
    }
}
