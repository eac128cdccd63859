package dev.aigw.emulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.testcontainers.EmulatorControl.ClockMode;
import dev.aigw.emulator.testcontainers.EmulatorControl.ClockState;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** A container on a virtual clock, driven through the control API as a test in any language would drive it. */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmulatorImage.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VirtualClockTest {

    @Container
    static AiGatewayContainer emulator = new AiGatewayContainer(EmulatorImage.NAME).withVirtualClock();

    @BeforeEach
    void reset() {
        emulator.control().reset();
        emulator.control().setClockMode(ClockMode.AUTO);
    }

    @Test
    void theClockIsReadSwitchedAndAdvanced() {
        ClockState before = emulator.control().clock();
        assertThat(before.mode()).isEqualTo(ClockMode.AUTO);
        assertThat(before.now()).isAfterOrEqualTo(Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(emulator.control().setClockMode(ClockMode.MANUAL).mode()).isEqualTo(ClockMode.MANUAL);
        ClockState after = emulator.control().advanceClock(Duration.ofMinutes(90));

        assertThat(after.now()).isEqualTo(before.now().plus(Duration.ofMinutes(90)));
        assertThat(emulator.control().clock()).isEqualTo(after);
    }

    @Test
    void aScriptedRetryScenarioRunsOnVirtualTime() {
        emulator.control().script("openai").enqueue(ScriptStep.status(503).times(4));
        Instant before = emulator.control().clock().now();

        HttpResponse<String> reply = Http.post(emulator.getProviderUrl("default", "openai") + "/chat/completions",
                Http.CHAT, "cf-aig-authorization", Http.bearer(emulator.getApiToken()), "cf-aig-max-attempts", "5",
                "cf-aig-retry-delay", "5000", "cf-aig-backoff", "exponential");

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        EmulatorControl.Timeline timeline = emulator.control().timelines().get(0);
        assertThat(timeline.startOffsetsMillis()).containsExactly(0L, 5_000L, 15_000L, 35_000L, 75_000L);
        assertThat(timeline.attempts()).extracting(EmulatorControl.Attempt::status)
                .containsExactly(503, 503, 503, 503, 200);
        assertThat(emulator.control().requests("openai", "default", null)).hasSize(5);
        assertThat(Duration.between(before, emulator.control().clock().now()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(75));
    }

    @Test
    void scriptsCanBeNarrowedToATestIdAndCleared() {
        EmulatorControl.Script script = emulator.control().script("openai").forTest("test-a");
        assertThat(script.enqueue(ScriptStep.status(429).always())).as("a repeating step is no pending response")
                .isZero();
        String chat = emulator.getProviderUrl("default", "openai") + "/chat/completions";
        String auth = Http.bearer(emulator.getApiToken());

        assertThat(Http.post(chat, Http.CHAT, "cf-aig-authorization", auth, "x-aigw-test-id", "test-a").statusCode())
                .isEqualTo(429);
        assertThat(Http.post(chat, Http.CHAT, "cf-aig-authorization", auth, "x-aigw-test-id", "test-b").statusCode())
                .isEqualTo(200);
        script.clear();
        assertThat(Http.post(chat, Http.CHAT, "cf-aig-authorization", auth, "x-aigw-test-id", "test-a").statusCode())
                .isEqualTo(200);
        assertThat(emulator.control().requests(null, null, "test-b")).hasSize(1);
    }
}
