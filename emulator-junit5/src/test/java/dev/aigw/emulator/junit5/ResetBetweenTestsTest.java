package dev.aigw.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * Tests of one class never see each other's state: each repetition asserts a clean emulator, then leaves a gateway,
 * a script, recorded requests, a timeline and a manual clock behind; the next repetition fails if any survives.
 */
@Timeout(30)
@AiGatewayTest
class ResetBetweenTestsTest {

    @RepeatedTest(3)
    void eachTestStartsWithAnEmptyEmulatorAndAnAutoClock(AiGatewayEmulator emulator, VirtualClock clock,
                                                         @Provider("openai") ProviderScript openai) {
        assertThat(Gateways.ids(emulator)).isEmpty();
        assertThat(openai.pending()).isZero();
        assertThat(emulator.recordedRequests()).isEmpty();
        assertThat(emulator.timelines()).isEmpty();
        assertThat(clock.getMode()).isEqualTo(VirtualClock.Mode.AUTO);

        Gateways.create(emulator, "gw");
        openai.always(UpstreamResponse.status(503));
        assertThat(Gateways.chat(emulator, "gw").statusCode()).isEqualTo(503);
        clock.setMode(VirtualClock.Mode.MANUAL);
    }
}
