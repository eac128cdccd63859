package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.OpenAiChatFormat;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.provider.dialect.OpenAiChatReader;
import dev.aigw.emulator.internal.reply.Decision;
import dev.aigw.emulator.internal.reply.ReplySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers {@code POST .../chat/completions} for OpenAI and every OpenAI-compatible provider: a
 * {@code chat.completion}, or with {@code "stream": true} a stream of {@code chat.completion.chunk}s (a
 * role chunk, one chunk per word, a chunk with {@code finish_reason}, a usage chunk when
 * {@code stream_options.include_usage} is true, then {@code data: [DONE]}).
 */
final class OpenAiChat {

    private OpenAiChat() {
    }

    /** Answers a parsed request for a known model, adding the given response headers. */
    static UpstreamReply answer(UpstreamRequest request, ObjectNode body, String model, Map<String, String> headers,
                                ReplySource replies) {
        JsonNode messages = body.get("messages");
        if (messages == null || messages.isNull()) {
            return OpenAiErrors.missing("messages");
        }
        if (!messages.isArray()) {
            return OpenAiErrors.reply(400, "Invalid type for 'messages': expected an array of objects, but got "
                    + messages.getNodeType().name().toLowerCase(Locale.ROOT) + " instead.", "invalid_request_error",
                    "messages", "invalid_type", Map.of());
        }
        if (messages.isEmpty()) {
            return OpenAiErrors.reply(400, "Invalid 'messages': empty array. Expected an array with minimum length 1,"
                    + " but got an empty array instead.", "invalid_request_error", "messages", "empty_array",
                    Map.of());
        }
        int maxTokens = Replies.positiveInt(body, "max_completion_tokens");
        if (maxTokens == 0) {
            maxTokens = Replies.positiveInt(body, "max_tokens");
        }
        Completion c = Completion.of(model, lastUserText(messages), promptText(messages), maxTokens);
        String id = "chatcmpl-" + Ids.alphanumeric(request, "chatcmpl", 29);
        long created = request.now().getEpochSecond();
        String finish = c.truncated() ? "length" : "stop";
        String fingerprint = "fp_" + Ids.hex(model, 10);
        ObjectNode usage = OpenAiChatFormat.usage(c.inputTokens(), c.outputTokens(), 0);
        if (!body.path("stream").asBoolean(false)) {
            // Interim, until the OpenAI renderer lands: the non-streamed answer goes through the reply rules, text only.
            ModelReply echo = ModelReply.builder().text(c.text())
                    .finishReason(c.truncated() ? FinishReason.LENGTH : FinishReason.STOP)
                    .usage(TokenUsage.of(c.inputTokens(), c.outputTokens())).build();
            Decision decision = replies.decide(request.provider(), request.now(), OpenAiChatReader.read(body, model),
                    request.tags(), () -> echo);
            if (decision instanceof Decision.Refuse refuse) {
                return OpenAiErrors.reply(400, refuse.message(), "invalid_request_error", null, null, Map.of());
            }
            ModelReply reply = ((Decision.Answer) decision).reply();
            if (reply != echo) {
                finish = reply.finishReason() == FinishReason.LENGTH ? "length" : "stop";
                usage = OpenAiChatFormat.usage(reply.usage().inputTokens(), reply.usage().outputTokens(),
                        reply.usage().cachedTokens());
            }
            String text = reply.json() != null ? reply.json() : reply.joinedText();
            ObjectNode completion = OpenAiChatFormat.completion(id, created, model,
                    OpenAiChatFormat.message(text), finish, usage);
            completion.put("service_tier", "default");
            completion.put("system_fingerprint", fingerprint);
            return Replies.json(200, completion, headers);
        }
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        List<SseEvent> events = new ArrayList<>();
        events.add(chunk(id, created, model, OpenAiChatFormat.roleDelta(), null, includeUsage, fingerprint));
        for (String piece : c.pieces()) {
            events.add(chunk(id, created, model, OpenAiChatFormat.contentDelta(piece), null, includeUsage,
                    fingerprint));
        }
        events.add(chunk(id, created, model, Json.object(), finish, includeUsage, fingerprint));
        if (includeUsage) {
            ObjectNode last = OpenAiChatFormat.usageChunk(id, created, model, usage);
            last.put("service_tier", "default");
            last.put("system_fingerprint", fingerprint);
            events.add(Replies.data(last));
        }
        events.add(OpenAiChatFormat.done());
        return Replies.sse(events, headers);
    }

    private static SseEvent chunk(String id, long created, String model, ObjectNode delta, String finish,
                                  boolean usageNull, String fingerprint) {
        ObjectNode chunk = OpenAiChatFormat.chunk(id, created, model, delta, finish, usageNull);
        chunk.put("service_tier", "default");
        chunk.put("system_fingerprint", fingerprint);
        return Replies.data(chunk);
    }

    /** Returns the text of the last message with role {@code user}, or empty. */
    static String lastUserText(JsonNode messages) {
        String last = "";
        for (JsonNode m : messages) {
            if ("user".equals(m.path("role").asText())) {
                last = FakeText.text(m.get("content"));
            }
        }
        return last;
    }

    /** Returns the texts of all messages joined by newlines. */
    static String promptText(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        for (JsonNode m : messages) {
            texts.add(FakeText.text(m.get("content")));
        }
        return String.join("\n", texts);
    }
}
