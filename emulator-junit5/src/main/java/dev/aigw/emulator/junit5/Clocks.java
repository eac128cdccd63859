package dev.aigw.emulator.junit5;

import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.VirtualClock;
import java.time.Instant;

/** Creates the clock an emulator built by {@link AiGatewayExtension} runs on, for each {@link ClockMode}. */
final class Clocks {

    private Clocks() {
    }

    /**
     * Returns a new clock of this mode: a {@link VirtualClock} at {@code start} in auto or manual mode, or the
     * system clock (inject {@link EmulatorClock}, not {@link VirtualClock}, then).
     */
    static EmulatorClock newClock(ClockMode mode, Instant start) {
        if (mode == ClockMode.SYSTEM) {
            return EmulatorClock.system();
        }
        VirtualClock clock = VirtualClock.startingAt(start);
        clock.setMode(mode);
        return clock;
    }
}
