package dev.aigw.emulator.internal.provider.fake;

import dev.aigw.emulator.FinishReason;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.TokenUsage;
import dev.aigw.emulator.internal.reply.Tokens;
import java.util.List;

/**
 * Holds what a fake model answers to one request, following {@link FakeText}'s rule.
 *
 * @param text the reply text, possibly cut to the request's output limit
 * @param truncated whether the output limit cut the reply
 * @param inputTokens the prompt's token count
 * @param outputTokens the reply's token count
 */
record Completion(String text, boolean truncated, int inputTokens, int outputTokens) {

    /** Completes a prompt: {@code maxTokens <= 0} means no output limit. */
    static Completion of(String model, String lastUserText, String promptText, int maxTokens) {
        String full = FakeText.reply(model, lastUserText);
        String text = maxTokens > 0 ? FakeText.cut(full, maxTokens) : full;
        return new Completion(text, text.length() < full.length(), Tokens.count(promptText),
                Tokens.count(text));
    }

    /** Returns this completion as the echo a fake answers when no rule does: its text, finish reason and usage. */
    ModelReply echo() {
        return ModelReply.builder().text(text).finishReason(truncated ? FinishReason.LENGTH : FinishReason.STOP)
                .usage(TokenUsage.of(inputTokens, outputTokens)).build();
    }

    /** Returns input plus output tokens. */
    int totalTokens() {
        return inputTokens + outputTokens;
    }

    /** Returns the reply split into streaming pieces (one word each). */
    List<String> pieces() {
        return FakeText.pieces(text);
    }
}
