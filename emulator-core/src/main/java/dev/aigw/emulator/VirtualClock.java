package dev.aigw.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps virtual time that moves only when told to, so tests of timing run in milliseconds and
 * assert exact instants.
 *
 * <p>Thread-safe.
 */
public final class VirtualClock implements EmulatorClock {

    /** The instant a virtual clock starts at unless told otherwise: 2026-01-01T00:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;

    private VirtualClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Creates a virtual clock at {@link #DEFAULT_START}. */
    public static VirtualClock create() {
        return startingAt(DEFAULT_START);
    }

    /** Creates a virtual clock at the given instant. */
    public static VirtualClock startingAt(Instant start) {
        return new VirtualClock(Objects.requireNonNull(start, "start"));
    }

    @Override
    public Instant now() {
        return now.get();
    }

    /** Moves time forward by a non-negative amount and returns the new instant. */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("virtual time only moves forward; got " + amount);
        }
        return now.updateAndGet(t -> t.plus(amount));
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now() + "]";
    }
}
