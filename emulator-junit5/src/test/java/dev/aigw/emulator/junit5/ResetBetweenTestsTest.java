package dev.aigw.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.Gateway;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

/**
 * Tests of one class never see each other's state: each repetition asserts a clean emulator with only its declared
 * gateway, then leaves a gateway, a script, recorded requests, a timeline and a manual clock behind and deletes the
 * declared gateway; the next repetition fails if any change survives.
 */
@Timeout(30)
@AiGatewayTest(gateways = "declared")
class ResetBetweenTestsTest {

    @RepeatedTest(3)
    void eachTestStartsWithAnEmptyEmulatorAndAnAutoClock(AiGatewayEmulator emulator, VirtualClock clock,
                                                         @Provider("openai") ProviderScript openai) {
        assertThat(emulator.gateways()).extracting(Gateway::id).containsExactly("declared");
        assertThat(openai.pending()).isZero();
        assertThat(emulator.recordedRequests()).isEmpty();
        assertThat(emulator.timelines()).isEmpty();
        assertThat(clock.mode()).isEqualTo(ClockMode.AUTO);

        emulator.createGateway("gw");
        openai.always(UpstreamResponse.status(503));
        assertThat(Traffic.chat(emulator, "gw").statusCode()).isEqualTo(503);
        emulator.deleteGateway("declared");
        clock.setMode(ClockMode.MANUAL);
    }
}
