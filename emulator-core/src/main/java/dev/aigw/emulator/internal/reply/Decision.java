package dev.aigw.emulator.internal.reply;

import dev.aigw.emulator.ModelReply;

/** What a fake provider answers a chat request with: a reply to render, or a 400 in the provider's error shape. */
public sealed interface Decision {

    /**
     * A reply, complete: its finish reason and usage are set, and every tool call has arguments (ids are the
     * renderer's, in the provider's own form, when {@code null}).
     *
     * @param reply the reply to render
     * @param rule the name of the rule that gave it, or {@code null} for the echo and generated JSON
     */
    record Answer(ModelReply reply, String rule) implements Decision {
    }

    /**
     * A refusal to answer: strict mode and no rule matched, or a schema the emulator cannot answer.
     *
     * @param message the error message for the provider's 400 body
     */
    record Refuse(String message) implements Decision {
    }
}
