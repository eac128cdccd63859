package dev.aigw.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.Gateway;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The declarative entry point: {@code @AiGatewayTest} on the class, the emulator as a parameter. */
@Timeout(30)
@AiGatewayTest
class DeclarativeUsageTest {

    @Test
    void injectsARunningEmulatorWithTheInProcessDefaults(AiGatewayEmulator emulator, VirtualClock clock) {
        assertThat(emulator.isRunning()).isTrue();
        assertThat(emulator.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(emulator.accountId()).isEqualTo(AiGatewayEmulator.DEFAULT_ACCOUNT_ID);
        assertThat(emulator.apiToken()).isEqualTo(AiGatewayEmulator.DEFAULT_API_TOKEN);
        assertThat(emulator.clock()).isSameAs(clock);
        assertThat(clock.mode()).isEqualTo(ClockMode.AUTO);
    }

    @Test
    void aScriptedFailureIsRetriedOnTheVirtualClock(AiGatewayEmulator emulator,
                                                     @Provider("openai") ProviderScript openai) {
        emulator.createGateway("my-gateway");
        openai.enqueue(UpstreamResponse.status(503), 2);

        HttpResponse<String> response = Traffic.chat(emulator, "my-gateway",
                "cf-aig-max-attempts", "3", "cf-aig-retry-delay", "5000", "cf-aig-backoff", "exponential");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Emulated reply from gpt-4o-mini to: Hi");
        Timeline timeline = emulator.lastTimeline();
        assertThat(timeline.attemptStartsMillis()).containsExactly(0L, 5_000L, 15_000L);
    }

    @Test
    void annotationAttributesBecomeTheEmulatorsOptions() {
        @AiGatewayTest(port = 8787, accountId = "acc-1", clock = ClockMode.MANUAL, startAt = "2026-04-01T08:00:00Z",
                failOnLeftoverScripts = false)
        final class Annotated {
        }

        Recipe recipe = Recipe.of(Annotated.class.getAnnotation(AiGatewayTest.class), Annotated.class);

        assertThat(recipe.port()).isEqualTo(8787);
        assertThat(recipe.accountId()).isEqualTo("acc-1");
        assertThat(recipe.clockMode()).isEqualTo(ClockMode.MANUAL);
        assertThat(recipe.startAt()).isEqualTo(Instant.parse("2026-04-01T08:00:00Z"));
        assertThat(recipe.failOnLeftoverScripts()).isFalse();
        assertThat(Recipe.DEFAULTS.failOnLeftoverScripts()).isTrue();
    }

    @Nested
    @AiGatewayTest(accountId = "0000000000000000000000000000beef", clock = ClockMode.MANUAL,
            startAt = "2026-04-01T08:00:00Z")
    class WithAttributes {

        @Test
        void theEmulatorHasTheAccountTheClockModeAndTheStartInstant(AiGatewayEmulator emulator, VirtualClock clock) {
            assertThat(emulator.accountId()).isEqualTo("0000000000000000000000000000beef");
            assertThat(clock.mode()).isEqualTo(ClockMode.MANUAL);
            assertThat(clock.now()).isEqualTo(Instant.parse("2026-04-01T08:00:00Z"));
        }
    }

    @Test
    void gatewayErrorsCarryAHintByDefault(AiGatewayEmulator emulator) {
        HttpResponse<String> response = Traffic.chat(emulator, "missing");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue(AiGatewayEmulator.HINT_HEADER)).isPresent();
    }

    @Nested
    @AiGatewayTest(hints = false)
    class WithoutHints {

        @Test
        void gatewayErrorsCarryNoHintHeader(AiGatewayEmulator emulator) {
            HttpResponse<String> response = Traffic.chat(emulator, "missing");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue(AiGatewayEmulator.HINT_HEADER)).isEmpty();
        }
    }

    @Nested
    @AiGatewayTest(gateways = {"my-gateway", "other-gateway"})
    class WithGateways {

        @Test
        void theDeclaredGatewaysExistWithTheDashboardDefaults(AiGatewayEmulator emulator) {
            assertThat(emulator.gateways()).extracting(Gateway::id).containsExactly("my-gateway", "other-gateway");
            assertThat(emulator.gateway("my-gateway").orElseThrow().settings()).isEqualTo(GatewaySettings.defaults());
            assertThat(Traffic.chat(emulator, "my-gateway").statusCode()).isEqualTo(200);
        }
    }

    @Nested
    @AiGatewayTest(clock = ClockMode.SYSTEM)
    class OnTheSystemClock {

        @Test
        void theEmulatorClockIsRealTime(EmulatorClock clock) {
            assertThat(clock).isSameAs(EmulatorClock.system());
            assertThat(clock.mode()).isEqualTo(ClockMode.SYSTEM);
        }
    }
}
