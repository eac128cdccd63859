package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.provider.dialect.AnthropicReader;
import dev.aigw.emulator.internal.provider.dialect.Parts;
import dev.aigw.emulator.internal.reply.Decision;
import dev.aigw.emulator.internal.reply.ReplyBook;
import dev.aigw.emulator.internal.reply.ReplySource;
import dev.aigw.emulator.internal.reply.Tokens;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fakes Anthropic's API: {@code POST .../v1/messages}, {@code POST .../v1/messages/count_tokens} and
 * {@code GET .../v1/models}. A message request is read as a {@link Conversation} ({@link AnthropicReader}); the
 * reply source decides the answer (a reply rule, JSON generated for {@code output_config.format}, or the echo of
 * {@link FakeText}, whose stop reason is {@code end_turn}, or {@code max_tokens} when the request's
 * {@code max_tokens} cut it), and {@link AnthropicRendering} renders it as a {@code message} or, with
 * {@code "stream": true}, as its named events. A refused decision (strict replies) is a 400
 * {@code invalid_request_error}. Errors are {@code {"type":"error","error":{"type","message"},"request_id"}}.
 */
final class AnthropicFake implements FakeProvider {

    private static final List<String> MODELS = List.of("claude-sonnet-4-5", "claude-haiku-4-5", "claude-opus-4-1");

    @Override
    public UpstreamReply answer(UpstreamRequest request, ReplySource replies) {
        String path = Replies.path(request);
        boolean post = request.method().equalsIgnoreCase("POST");
        if (post && path.endsWith("/v1/messages")) {
            return messages(request, replies);
        }
        if (post && path.endsWith("/v1/messages/count_tokens")) {
            return countTokens(request);
        }
        if (request.method().equalsIgnoreCase("GET") && path.endsWith("/v1/models")) {
            return models(request);
        }
        return error(request, 404, "not_found_error", "Not Found: the emulator's fake 'anthropic' provider answers "
                + "POST /v1/messages, POST /v1/messages/count_tokens and GET /v1/models; for other endpoints "
                + "configure a real upstream, e.g. " + NoFakeYet.builderHint("anthropic"), Map.of());
    }

    /**
     * Answers Anthropic's error for a status: 400 {@code invalid_request_error}, 401
     * {@code authentication_error}, 402 {@code billing_error}, 403 {@code permission_error}, 404
     * {@code not_found_error}, 413 {@code request_too_large}, 429 {@code rate_limit_error} (with
     * {@code retry-after} and {@code anthropic-ratelimit-*} headers), 529 {@code overloaded_error}, other 5xx
     * {@code api_error}, other 4xx {@code invalid_request_error}.
     */
    @Override
    public UpstreamReply error(int status, UpstreamRequest request) {
        switch (status) {
            case 400: return error(request, 400, "invalid_request_error", "Invalid request.", Map.of());
            case 401: return error(request, 401, "authentication_error", "invalid x-api-key", Map.of());
            case 402: return error(request, 402, "billing_error", "Your credit balance is too low to access the "
                    + "Anthropic API.", Map.of());
            case 403: return error(request, 403, "permission_error", "Your API key does not have permission to use "
                    + "the specified resource.", Map.of());
            case 404: return error(request, 404, "not_found_error", "Not found.", Map.of());
            case 413: return error(request, 413, "request_too_large", "Request exceeds the maximum allowed number of "
                    + "bytes.", Map.of());
            case 429: return error(request, 429, "rate_limit_error", "This request would exceed the rate limit for "
                    + "your organization of 50 requests per minute. Please try again later.", rateLimited(request));
            case 529: return error(request, 529, "overloaded_error", "Overloaded", Map.of());
            default:
                if (status < 400) {
                    return answer(request);
                }
                return status >= 500
                        ? error(request, status, "api_error", "Internal server error", Map.of())
                        : error(request, status, "invalid_request_error", "Request failed with status " + status + ".",
                                Map.of());
        }
    }

    private UpstreamReply messages(UpstreamRequest request, ReplySource replies) {
        Optional<ObjectNode> parsed = Replies.object(request);
        if (parsed.isEmpty()) {
            return invalid(request, "There was an issue with the format or content of your request: the body is "
                    + "not a valid JSON object.");
        }
        ObjectNode body = parsed.get();
        for (String field : List.of("model", "messages", "max_tokens")) {
            if (!body.hasNonNull(field)) {
                return invalid(request, field + ": Field required");
            }
        }
        if (!body.get("messages").isArray()) {
            return invalid(request, "messages: Input should be a valid list");
        }
        if (!body.get("max_tokens").canConvertToInt() || body.get("max_tokens").intValue() < 1) {
            return invalid(request, "max_tokens: Input should be greater than or equal to 1");
        }
        String model = Replies.text(body, "model", "");
        Completion c = Completion.of(model, lastUserText(body.get("messages")), promptText(body),
                body.get("max_tokens").intValue());
        Conversation conversation = AnthropicReader.read(body, model);
        Decision decision = replies.decide(request.provider(), request.now(), conversation, request.tags(),
                () -> ModelReply.builder().text(c.text())
                        .finishReason(c.truncated() ? FinishReason.LENGTH : FinishReason.STOP)
                        .usage(TokenUsage.of(c.inputTokens(), c.outputTokens())).build());
        if (decision instanceof Decision.Refuse refuse) {
            return invalid(request, refuse.message());
        }
        ModelReply reply = ReplyBook.complete(((Decision.Answer) decision).reply(), conversation);
        AnthropicRendering rendering = new AnthropicRendering(request,
                "msg_01" + Ids.alphanumeric(request, "msg", 22), model, reply);
        if (!body.path("stream").asBoolean(false)) {
            return Replies.json(200, rendering.message(), headers(request));
        }
        return Replies.sse(rendering.events(), headers(request));
    }

    private UpstreamReply countTokens(UpstreamRequest request) {
        Optional<ObjectNode> body = Replies.object(request);
        if (body.isEmpty() || !body.get().path("messages").isArray()) {
            return invalid(request, "messages: Field required");
        }
        ObjectNode answer = Json.object();
        answer.put("input_tokens", Tokens.count(promptText(body.get())));
        return Replies.json(200, answer, headers(request));
    }

    private UpstreamReply models(UpstreamRequest request) {
        ObjectNode page = Json.object();
        ArrayNode data = page.putArray("data");
        for (String id : MODELS) {
            ObjectNode model = data.addObject();
            model.put("type", "model");
            model.put("id", id);
            model.put("display_name", id);
            model.put("created_at", "2025-05-22T00:00:00Z");
        }
        page.put("has_more", false);
        page.put("first_id", MODELS.get(0));
        page.put("last_id", MODELS.get(MODELS.size() - 1));
        return Replies.json(200, page, headers(request));
    }

    private static String lastUserText(JsonNode messages) {
        String last = "";
        for (JsonNode m : messages) {
            if ("user".equals(m.path("role").asText())) {
                last = Parts.text(m.get("content"));
            }
        }
        return last;
    }

    private static String promptText(ObjectNode body) {
        List<String> texts = new ArrayList<>();
        if (body.has("system")) {
            texts.add(Parts.text(body.get("system")));
        }
        body.path("messages").forEach(m -> texts.add(Parts.text(m.get("content"))));
        return String.join("\n", texts);
    }

    private static ObjectNode typed(String type) {
        ObjectNode node = Json.object();
        node.put("type", type);
        return node;
    }

    private static Map<String, String> headers(UpstreamRequest request) {
        String reset = request.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, String> headers = new HashMap<>();
        headers.put("request-id", requestId(request));
        headers.put("anthropic-ratelimit-requests-limit", "4000");
        headers.put("anthropic-ratelimit-requests-remaining", "3999");
        headers.put("anthropic-ratelimit-requests-reset", reset);
        headers.put("anthropic-ratelimit-tokens-limit", "400000");
        headers.put("anthropic-ratelimit-tokens-remaining", "399000");
        headers.put("anthropic-ratelimit-tokens-reset", reset);
        return headers;
    }

    private static Map<String, String> rateLimited(UpstreamRequest request) {
        String reset = request.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString();
        return Map.of(
                "retry-after", "1",
                "anthropic-ratelimit-requests-limit", "50",
                "anthropic-ratelimit-requests-remaining", "0",
                "anthropic-ratelimit-requests-reset", reset,
                "anthropic-ratelimit-tokens-limit", "40000",
                "anthropic-ratelimit-tokens-remaining", "40000",
                "anthropic-ratelimit-tokens-reset", reset);
    }

    private static String requestId(UpstreamRequest request) {
        return "req_01" + Ids.alphanumeric(request, "request-id", 22);
    }

    private UpstreamReply invalid(UpstreamRequest request, String message) {
        return error(request, 400, "invalid_request_error", message, Map.of());
    }

    private static UpstreamReply error(UpstreamRequest request, int status, String type, String message,
                                       Map<String, String> extraHeaders) {
        ObjectNode body = typed("error");
        ObjectNode error = body.putObject("error");
        error.put("type", type);
        error.put("message", message);
        body.put("request_id", requestId(request));
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("request-id", requestId(request));
        return Replies.json(status, body, headers);
    }
}
