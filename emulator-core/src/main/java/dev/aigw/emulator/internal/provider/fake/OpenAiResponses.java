package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.provider.dialect.OpenAiResponsesReader;
import dev.aigw.emulator.internal.provider.dialect.Parts;
import dev.aigw.emulator.internal.reply.Decision;
import dev.aigw.emulator.internal.reply.ReplySource;
import java.util.Map;

/**
 * Answers {@code POST .../responses} (OpenAI's Responses API): reads the request's conversation, lets the reply
 * source decide (a reply rule, generated JSON, or the echo) and renders the reply with
 * {@link OpenAiResponsesRendering}: a {@code response} object, or with {@code "stream": true} its named events
 * ending in {@code response.completed} ({@code response.incomplete} when {@code max_output_tokens} cut the reply);
 * no {@code [DONE]}. A refusal to answer (strict replies, a schema the emulator cannot answer) is OpenAI's 400
 * {@code invalid_request_error}.
 */
final class OpenAiResponses {

    private OpenAiResponses() {
    }

    /** Answers a parsed request for a known model, adding the given response headers. */
    static UpstreamReply answer(UpstreamRequest request, ObjectNode body, String model, ReplySource replies,
                                Map<String, String> headers) {
        Conversation conversation = OpenAiResponsesReader.read(body, model);
        Decision decision = replies.decide(request.provider(), request.now(), conversation, request.tags(),
                () -> echo(body, model));
        if (decision instanceof Decision.Refuse refuse) {
            return OpenAiErrors.refused(refuse.message(), headers);
        }
        ModelReply reply = ((Decision.Answer) decision).reply();
        OpenAiResponsesRendering rendering = new OpenAiResponsesRendering(request, body, model);
        return body.path("stream").asBoolean(false) ? rendering.stream(reply, headers)
                : rendering.response(reply, headers);
    }

    /** Returns today's answer: {@link FakeText}'s reply to the last user input, cut at {@code max_output_tokens}. */
    private static ModelReply echo(ObjectNode body, String model) {
        JsonNode input = body.path("input");
        String instructions = Replies.text(body, "instructions", "");
        String userText = input.isTextual() ? input.textValue() : lastUserText(input);
        String prompt = (instructions.isEmpty() ? "" : instructions + "\n")
                + (input.isTextual() ? input.textValue() : Parts.text(input));
        Completion c = Completion.of(model, userText, prompt, Replies.positiveInt(body, "max_output_tokens"));
        return ModelReply.builder()
                .text(c.text())
                .finishReason(c.truncated() ? FinishReason.LENGTH : FinishReason.STOP)
                .usage(TokenUsage.of(c.inputTokens(), c.outputTokens()))
                .build();
    }

    /** Returns the text of the last input item with role {@code user}, or empty. */
    private static String lastUserText(JsonNode input) {
        String last = "";
        for (JsonNode item : input) {
            if ("user".equals(item.path("role").asText())) {
                last = Parts.text(item.get("content"));
            }
        }
        return last;
    }
}
