package dev.aigw.emulator.internal.reply;

import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.ModelReply;
import java.time.Instant;
import java.util.function.Supplier;

/** Decides what a fake model answers a conversation: a rule's reply, generated JSON, or the fake's echo. */
public interface ReplySource {

    /** A source with no rules, never strict: generated JSON for a schema, else the echo (for unit tests of fakes). */
    ReplySource NO_RULES = new ReplyBook();

    /**
     * Decides the answer.
     *
     * @param provider the provider slug the request went to
     * @param at the emulator clock's instant of the attempt
     * @param conversation the request read in neutral form
     * @param tags what the gateway knows of the request
     * @param echo the fake's own answer when nothing else applies, complete (usage and finish reason set)
     */
    Decision decide(String provider, Instant at, Conversation conversation, RequestTags tags, Supplier<ModelReply> echo);
}
