package dev.aigw.emulator.internal.script;

import dev.aigw.emulator.UpstreamBehavior;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The scripted behaviours of every provider, in the order they were queued. An attempt takes the first
 * entry whose scope matches it and whose repetition applies; when none does, the provider answers
 * normally. Thread-safe.
 */
public final class Scripts {

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
        /** The next {@code count} matching attempts, then the entry is gone. */
        record Times(int count) implements Repeat {
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
            this.remaining = repeat instanceof Repeat.Times t ? t.count() : 0;
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
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Appends an entry. */
    public synchronized void add(Scope scope, UpstreamBehavior behavior, Repeat repeat) {
        entries.add(new Entry(scope, Objects.requireNonNull(behavior, "behavior"), repeat));
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
    public synchronized void clear(Scope scope) {
        entries.removeIf(e -> e.scope.equals(scope));
    }

    /** Removes every entry of a provider, whatever its scope. */
    public synchronized void clearProvider(String provider) {
        entries.removeIf(e -> e.scope.provider().equals(provider));
    }

    /** Counts the entries queued with exactly this scope. */
    public synchronized int count(Scope scope) {
        return (int) entries.stream().filter(e -> e.scope.equals(scope)).count();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
