package dev.aigw.emulator.internal;

import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.reply.ReplySink;
import java.util.List;

/**
 * The in-process emulator's reply rules as the Java API adds them: a rule naming a provider the emulator does not
 * know is refused, naming the closest slugs, as the control API refuses it; the rest goes to the emulator's
 * {@link ReplySink}. Thread-safe.
 */
public final class KnownProviderReplies implements ReplySink {

    private final ReplySink book;
    private final ProviderRegistry providers;

    /** Checks rules against {@code providers} before they reach {@code book}. */
    public KnownProviderReplies(ReplySink book, ProviderRegistry providers) {
        this.book = book;
        this.providers = providers;
    }

    @Override
    public void add(ReplyRule rule) {
        String provider = rule.match().provider();
        if (provider != null && !providers.names(provider)) {
            throw new IllegalArgumentException("reply rule '" + rule.name() + "': " + providers.unknown(provider));
        }
        book.add(rule);
    }

    @Override
    public List<ReplyRule> list() {
        return book.list();
    }

    @Override
    public void clear(String testId) {
        book.clear(testId);
    }

    @Override
    public void strict(boolean strict) {
        book.strict(strict);
    }

    @Override
    public boolean isStrict() {
        return book.isStrict();
    }
}
