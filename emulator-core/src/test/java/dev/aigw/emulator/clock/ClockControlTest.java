package dev.aigw.emulator.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockControl;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@code emulator.clock()} returns in-process: the virtual clock itself, or a read-only system clock. */
@Timeout(30)
class ClockControlTest {

    private static final String REFUSAL = "The emulator runs on the system clock, which cannot be switched or"
            + " advanced; start it with AIGW_CLOCK=virtual (or --clock virtual) to control time, or in Java with"
            + " AiGatewayEmulator.builder().clock(VirtualClock.create())";

    @Test
    void onAVirtualClockTheControlIsTheClockTheEmulatorRunsOn() {
        VirtualClock clock = VirtualClock.manual();
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build()) {
            assertThat(emulator.clock()).isSameAs(clock);
            assertThat(emulator.emulatorClock()).isSameAs(clock);
            assertThat(emulator.clock().mode()).isEqualTo(ClockMode.MANUAL);
        }
    }

    @Test
    void onTheSystemClockTheControlReadsTheTimeAndCountsNoWaiters() {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(EmulatorClock.system()).build()) {
            ClockControl clock = emulator.clock();
            Instant before = EmulatorClock.system().now();

            assertThat(clock.mode()).isEqualTo(ClockMode.SYSTEM);
            assertThat(clock.now()).isAfterOrEqualTo(before);
            assertThat(clock.waiters()).isZero();
            assertThat(clock.nextWakeUp()).isEmpty();
            assertThat(emulator.emulatorClock()).isSameAs(EmulatorClock.system());
        }
    }

    @Test
    void onTheSystemClockEveryChangeIsRefusedInTheControlApisWords() {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(EmulatorClock.system()).build()) {
            ClockControl clock = emulator.clock();

            assertThatThrownBy(() -> clock.setMode(ClockMode.MANUAL)).isInstanceOf(IllegalStateException.class)
                    .hasMessage(REFUSAL);
            assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class)
                    .hasMessage(REFUSAL);
            assertThatThrownBy(() -> clock.awaitWaiters(1, Duration.ofMillis(10)))
                    .isInstanceOf(IllegalStateException.class).hasMessage(REFUSAL);
        }
    }
}
