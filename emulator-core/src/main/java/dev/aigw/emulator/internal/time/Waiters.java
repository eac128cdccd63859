package dev.aigw.emulator.internal.time;

import dev.aigw.emulator.ClockMode;
import java.time.Duration;
import java.util.Locale;

/** Words the failure of a wait for waiters on a virtual clock, in Java and over HTTP alike. */
public final class Waiters {

    private Waiters() {
    }

    /** Says that fewer than {@code count} waits held requests when a real-time timeout ended. */
    public static String tooFew(int count, Duration realTimeout, int holding, ClockMode mode) {
        return "expected " + count + " waiter(s) on the virtual clock within " + realTimeout.toMillis() + " ms of real"
                + " time, but " + holding + " are waiting; is the request running, and is the clock in manual mode (it"
                + " is in " + mode.name().toLowerCase(Locale.ROOT) + " mode)?";
    }
}
