package dev.aigw.emulator.internal.script;

import dev.aigw.emulator.UpstreamBehavior;
import dev.aigw.emulator.internal.util.Logs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;

/**
 * The scripted behaviours of every provider, in the order they were queued. An attempt takes the first
 * entry whose scope matches it and whose repetition applies, at its own start; when none does, the provider
 * answers normally. Thread-safe.
 *
 * <p>A request that finds nothing queued for its providers may run on the I/O thread that read it, where it
 * must never wait ({@link #holdUnscripted}). While such requests run, {@link #add} waits for them to end (they
 * never wait themselves, so that takes microseconds), and no new one is let in: a step that is queued is
 * therefore taken by the first attempt that starts after {@code add} returns, whichever thread serves it.
 */
public final class Scripts implements ScriptSink {

    /** Where an entry applies: a provider, and optionally only one gateway and/or one test id. */
    public record Scope(String provider, String gatewayId, String testId) {
        public Scope {
            Objects.requireNonNull(provider, "provider");
        }

        boolean matches(String p, String gateway, String test) {
            return provider.equals(p) && (gatewayId == null || gatewayId.equals(gateway))
                    && (testId == null || testId.equals(test));
        }
    }

    /** How often an entry applies. */
    public sealed interface Repeat {

        /** Returns how many responses the entry still owes: its count for {@link Times}, none for a repeating one. */
        default int responses() {
            return 0;
        }

        /** Tells whether the entry stays queued until cleared, and so is never left over. */
        default boolean repeats() {
            return true;
        }

        /** The next {@code count} matching attempts, then the entry is gone. */
        record Times(int count) implements Repeat {
            @Override
            public int responses() {
                return count;
            }

            @Override
            public boolean repeats() {
                return false;
            }
        }

        /** Every matching attempt, until cleared. */
        record Always() implements Repeat {
        }

        /** Every {@code n}th matching attempt (the nth, 2nth, ...), until cleared. */
        record EveryNth(int n) implements Repeat {
        }

        /** Each matching attempt with probability {@code p}, drawn from a generator seeded with {@code seed}. */
        record WithProbability(double p, long seed) implements Repeat {
        }
    }

    /**
     * An entry still queued, as it stands: a {@link Repeat.Times} counts the attempts it still applies to.
     *
     * @param scope where it applies
     * @param behavior what it does
     * @param repeat how often it still applies
     */
    public record Queued(Scope scope, UpstreamBehavior behavior, Repeat repeat) {
    }

    private static final class Entry {
        final Scope scope;
        final UpstreamBehavior behavior;
        final Repeat repeat;
        int remaining;
        long seen;
        final SplittableRandom random;

        Entry(Scope scope, UpstreamBehavior behavior, Repeat repeat) {
            this.scope = scope;
            this.behavior = behavior;
            this.repeat = repeat;
            this.remaining = repeat.responses();
            this.random = repeat instanceof Repeat.WithProbability w ? new SplittableRandom(w.seed()) : null;
        }

        /** Decides whether this entry answers the current matching attempt, updating its state. */
        boolean applies() {
            seen++;
            if (repeat instanceof Repeat.Times) {
                remaining--;
                return true;
            }
            if (repeat instanceof Repeat.EveryNth nth) {
                return seen % nth.n() == 0;
            }
            if (repeat instanceof Repeat.WithProbability w) {
                return random.nextDouble() < w.p();
            }
            return true;
        }

        boolean exhausted() {
            return repeat instanceof Repeat.Times && remaining <= 0;
        }

        Queued snapshot() {
            return new Queued(scope, behavior, repeat instanceof Repeat.Times ? new Repeat.Times(remaining) : repeat);
        }
    }

    /** A request that runs without any script until it ends; {@link #close()} ends the hold. */
    public interface Unscripted extends AutoCloseable {
        @Override
        void close();
    }

    private static final Logger LOG = Logs.getLogger(Scripts.class);

    private final List<Entry> entries = new ArrayList<>();
    private int unscriptedRequests;
    private int waitingAdds;

    /**
     * Appends an entry, once no request that was promised to run unscripted is still running; never cut short
     * by an interrupt (the flag is kept).
     */
    @Override
    public synchronized void add(Scope scope, UpstreamBehavior behavior, Repeat repeat) {
        Objects.requireNonNull(behavior, "behavior");
        waitingAdds++;
        boolean interrupted = false;
        try {
            while (unscriptedRequests > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // Requests holding a promise end in microseconds: the step is still queued, the flag kept.
                    LOG.debug("Interrupted while a step for {} waited for unscripted requests to end", scope, e);
                    interrupted = true;
                }
            }
        } finally {
            waitingAdds--;
        }
        entries.add(new Entry(scope, behavior, repeat));
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Promises a request that none of its attempts will find a script, if nothing is queued for any of its
     * providers and no {@link #add} is waiting; returns empty otherwise. The promise holds until the hold is
     * closed, which must happen when the request's attempts are over.
     */
    public synchronized Optional<Unscripted> holdUnscripted(Collection<String> providers) {
        if (waitingAdds > 0) {
            return Optional.empty();
        }
        for (String provider : providers) {
            if (hasAny(provider)) {
                return Optional.empty();
            }
        }
        unscriptedRequests++;
        return Optional.of(new Hold());
    }

    private synchronized void release() {
        if (--unscriptedRequests == 0) {
            notifyAll();
        }
    }

    /** One request's promise; closing it twice releases it once. */
    private final class Hold implements Unscripted {
        private boolean closed;

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release();
            }
        }
    }

    /** Returns the behaviour for an attempt, consuming it if it is counted. */
    public synchronized Optional<UpstreamBehavior> next(String provider, String gatewayId, String testId) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (!entry.scope.matches(provider, gatewayId, testId)) {
                continue;
            }
            boolean applies = entry.applies();
            if (entry.exhausted()) {
                it.remove();
            }
            if (applies) {
                return Optional.of(entry.behavior);
            }
        }
        return Optional.empty();
    }

    /** Tells whether any entry is queued for a provider, whatever its scope. */
    public synchronized boolean hasAny(String provider) {
        for (Entry entry : entries) {
            if (entry.scope.provider().equals(provider)) {
                return true;
            }
        }
        return false;
    }

    /** Removes the entries queued with exactly this scope. */
    @Override
    public synchronized void clear(Scope scope) {
        entries.removeIf(e -> e.scope.equals(scope));
    }

    /** Removes every entry of a provider, whatever its scope. */
    public synchronized void clearProvider(String provider) {
        entries.removeIf(e -> e.scope.provider().equals(provider));
    }

    /** Counts the responses still queued with exactly this scope; entries that repeat count none. */
    @Override
    public synchronized int pending(Scope scope) {
        return entries.stream().filter(e -> e.scope.equals(scope)).mapToInt(e -> e.snapshot().repeat().responses())
                .sum();
    }

    /** Counts the entries queued with exactly this scope that repeat until cleared. */
    public synchronized int repeating(Scope scope) {
        return (int) entries.stream().filter(e -> e.scope.equals(scope) && e.repeat.repeats()).count();
    }

    /** Returns every entry still queued, in the order attempts look at them. */
    public synchronized List<Queued> queued() {
        return entries.stream().map(Entry::snapshot).toList();
    }

    /** Removes every entry. */
    public synchronized void clear() {
        entries.clear();
    }
}
