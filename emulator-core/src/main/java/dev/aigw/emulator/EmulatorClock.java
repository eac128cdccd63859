package dev.aigw.emulator;

import dev.aigw.emulator.internal.time.ClockView;
import dev.aigw.emulator.internal.time.SystemClock;
import java.time.Clock;
import java.time.Instant;

/**
 * Supplies every instant the emulator uses: object timestamps, log times, retry delays, timeouts,
 * rate-limit windows and cache TTLs all read the one clock an emulator is built with.
 *
 * <p>Implementations are thread-safe.
 */
public interface EmulatorClock {

    /** Returns the current instant of this clock. */
    Instant now();

    /** Returns a {@link Clock} view of this clock (UTC), so client code can share the emulator's time. */
    default Clock asJavaClock() {
        return new ClockView(this);
    }

    /** Returns the real-time clock, the default of the standalone emulator. */
    static EmulatorClock system() {
        return SystemClock.INSTANCE;
    }
}
