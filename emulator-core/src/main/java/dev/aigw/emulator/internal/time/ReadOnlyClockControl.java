package dev.aigw.emulator.internal.time;

import dev.aigw.emulator.ClockControl;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.EmulatorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link ClockControl} of a clock a test cannot drive (the system clock): it reads the time, counts no
 * waiters, and refuses every change with {@link #REFUSAL}, the words the control API answers with too.
 */
public final class ReadOnlyClockControl implements ClockControl {

    /** Why a change of the clock is refused, in Java and over HTTP alike. */
    public static final String REFUSAL = "The emulator runs on the system clock, which cannot be switched or advanced;"
            + " start it with AIGW_CLOCK=virtual (or --clock virtual) to control time, or in Java with"
            + " AiGatewayEmulator.builder().clock(VirtualClock.create())";

    private final EmulatorClock clock;

    /** Reads {@code clock}, which cannot be driven. */
    public ReadOnlyClockControl(EmulatorClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns the control of {@code clock}: the clock itself if it can be driven, a read-only view otherwise. */
    public static ClockControl of(EmulatorClock clock) {
        return clock instanceof ClockControl control ? control : new ReadOnlyClockControl(clock);
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    @Override
    public ClockMode mode() {
        return clock.mode();
    }

    @Override
    public void setMode(ClockMode mode) {
        Objects.requireNonNull(mode, "mode");
        throw new IllegalStateException(REFUSAL);
    }

    @Override
    public Instant advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        throw new IllegalStateException(REFUSAL);
    }

    @Override
    public int waiters() {
        return 0;
    }

    @Override
    public Optional<Instant> nextWakeUp() {
        return Optional.empty();
    }

    @Override
    public void awaitWaiters(int count, Duration realTimeout) {
        throw new IllegalStateException(REFUSAL);
    }

    @Override
    public String toString() {
        return "ReadOnlyClockControl[" + clock + "]";
    }
}
