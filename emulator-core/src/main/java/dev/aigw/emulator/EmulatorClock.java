package dev.aigw.emulator;

import dev.aigw.emulator.internal.time.ClockView;
import dev.aigw.emulator.internal.time.SystemClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Supplies every instant and every wait in the emulator: object timestamps, log times, retry delays,
 * timeouts, scripted latency, stream pacing, rate-limit windows and cache TTLs all go through the one
 * clock an emulator is built with.
 *
 * <p>Implementations are thread-safe. {@link #system()} is real time; {@link VirtualClock} is time a test
 * controls.
 */
public interface EmulatorClock {

    /** Returns the current instant of this clock. */
    Instant now();

    /**
     * Blocks the calling thread until {@code duration} of this clock's time has passed.
     *
     * @throws InterruptedException if the thread is interrupted (for example by the emulator closing)
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Blocks until {@code work} completes or {@code timeout} of this clock's time has passed, whichever is
     * first; a {@code null} timeout waits without limit and never moves virtual time.
     *
     * @return whether the work completed in time
     * @throws InterruptedException if the thread is interrupted (for example by the emulator closing)
     */
    boolean await(CompletableFuture<?> work, Duration timeout) throws InterruptedException;

    /** Returns this clock's mode: {@link ClockMode#SYSTEM} for real time, AUTO or MANUAL for a {@link VirtualClock}. */
    ClockMode mode();

    /** Returns a {@link Clock} view of this clock (UTC), so client code can share the emulator's time. */
    default Clock asJavaClock() {
        return new ClockView(this);
    }

    /** Returns the real-time clock, the default of the standalone emulator. */
    static EmulatorClock system() {
        return SystemClock.INSTANCE;
    }
}
