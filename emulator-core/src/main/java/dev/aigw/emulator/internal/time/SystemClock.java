package dev.aigw.emulator.internal.time;

import dev.aigw.emulator.EmulatorClock;
import java.time.Clock;
import java.time.Instant;

/** Reads real time; the only class of emulator-core allowed to. */
public final class SystemClock implements EmulatorClock {

    /** The one instance: it holds no state. */
    public static final SystemClock INSTANCE = new SystemClock();

    private final Clock utc = Clock.systemUTC();

    private SystemClock() {
    }

    @Override
    public Instant now() {
        return utc.instant();
    }

    @Override
    public String toString() {
        return "SystemClock";
    }
}
