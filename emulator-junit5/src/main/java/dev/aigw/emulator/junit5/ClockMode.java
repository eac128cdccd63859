package dev.aigw.emulator.junit5;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.VirtualClock;
import java.time.Instant;

/** Names the clock an emulator built by {@link AiGatewayExtension} runs on. */
public enum ClockMode {

    /** Runs on a {@link VirtualClock} whose waits jump time to their end at once (the default). */
    AUTO {
        @Override
        EmulatorClock newClock(Instant start) {
            return VirtualClock.startingAt(start);
        }
    },

    /** Runs on a {@link VirtualClock} whose waits block until the test {@link VirtualClock#advance advances} it. */
    MANUAL {
        @Override
        EmulatorClock newClock(Instant start) {
            VirtualClock clock = VirtualClock.startingAt(start);
            clock.setMode(VirtualClock.Mode.MANUAL);
            return clock;
        }
    },

    /** Runs on real time; inject {@link EmulatorClock}, not {@link VirtualClock}. */
    SYSTEM {
        @Override
        EmulatorClock newClock(Instant start) {
            return EmulatorClock.system();
        }
    };

    /** Creates a new clock of this mode; a virtual one starts at {@code start}. */
    abstract EmulatorClock newClock(Instant start);
}
