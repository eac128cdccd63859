package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.provider.dialect.OpenAiChatReader;
import dev.aigw.emulator.internal.provider.dialect.Parts;
import dev.aigw.emulator.internal.reply.Decision;
import dev.aigw.emulator.internal.reply.ReplySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers {@code POST .../chat/completions} for OpenAI and every OpenAI-compatible provider: validates the request,
 * reads its conversation, lets the reply source decide (a reply rule, generated JSON, or the echo) and renders the
 * reply with {@link OpenAiChatRendering}: a {@code chat.completion}, or with {@code "stream": true} a stream of
 * {@code chat.completion.chunk}s ending in {@code data: [DONE]}. A refusal to answer (strict replies, a schema the
 * emulator cannot answer) is OpenAI's 400 {@code invalid_request_error}.
 */
final class OpenAiChat {

    private OpenAiChat() {
    }

    /** Answers a parsed request for a known model, adding the given response headers. */
    static UpstreamReply answer(UpstreamRequest request, ObjectNode body, String model, ReplySource replies,
                                Map<String, String> headers) {
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
        int completionLimit = Replies.positiveInt(body, "max_completion_tokens");
        int maxTokens = completionLimit == 0 ? Replies.positiveInt(body, "max_tokens") : completionLimit;
        Conversation conversation = OpenAiChatReader.read(body, model);
        Decision decision = replies.decide(request.provider(), request.now(), conversation, request.tags(),
                () -> echo(model, messages, maxTokens));
        if (decision instanceof Decision.Refuse refuse) {
            return OpenAiErrors.refused(refuse.message(), headers);
        }
        ModelReply reply = ((Decision.Answer) decision).reply();
        OpenAiChatRendering rendering = new OpenAiChatRendering(request, model);
        if (!body.path("stream").asBoolean(false)) {
            return rendering.completion(reply, headers);
        }
        return rendering.stream(reply, body.path("stream_options").path("include_usage").asBoolean(false), headers);
    }

    /** Returns today's answer: {@link FakeText}'s reply to the last user message, cut at the output limit. */
    private static ModelReply echo(String model, JsonNode messages, int maxTokens) {
        Completion c = Completion.of(model, lastUserText(messages), promptText(messages), maxTokens);
        return ModelReply.builder()
                .text(c.text())
                .finishReason(c.truncated() ? FinishReason.LENGTH : FinishReason.STOP)
                .usage(TokenUsage.of(c.inputTokens(), c.outputTokens()))
                .build();
    }

    /** Returns the text of the last message with role {@code user}, or empty. */
    static String lastUserText(JsonNode messages) {
        String last = "";
        for (JsonNode m : messages) {
            if ("user".equals(m.path("role").asText())) {
                last = Parts.text(m.get("content"));
            }
        }
        return last;
    }

    /** Returns the texts of all messages joined by newlines. */
    static String promptText(JsonNode messages) {
        List<String> texts = new ArrayList<>();
        for (JsonNode m : messages) {
            texts.add(Parts.text(m.get("content")));
        }
        return String.join("\n", texts);
    }
}
