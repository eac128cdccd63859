package dev.aigw.emulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.ClockControl;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.RemoteEmulator;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamResponse;
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

/** A container on a virtual clock, driven through {@code emulator()} as the in-process emulator is driven. */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmulatorImage.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VirtualClockTest {

    @Container
    static AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME).withClockMode(ClockMode.AUTO);

    private RemoteEmulator emulator;

    @BeforeEach
    void reset() {
        emulator = container.emulator();
        emulator.reset();
        emulator.clock().setMode(ClockMode.AUTO);
    }

    @Test
    void theClockIsReadSwitchedAndAdvanced() {
        ClockControl clock = emulator.clock();
        Instant before = clock.now();
        assertThat(clock.mode()).isEqualTo(ClockMode.AUTO);
        assertThat(before).isAfterOrEqualTo(Instant.parse("2026-01-01T00:00:00Z"));

        clock.setMode(ClockMode.MANUAL);
        assertThat(clock.mode()).isEqualTo(ClockMode.MANUAL);
        Instant after = clock.advance(Duration.ofMinutes(90));

        assertThat(after).isEqualTo(before.plus(Duration.ofMinutes(90)));
        assertThat(clock.now()).isEqualTo(after);
    }

    @Test
    void aScriptedRetryScenarioRunsOnVirtualTime() {
        emulator.script("openai").enqueue(UpstreamResponse.status(503), 4);
        Instant before = emulator.clock().now();

        HttpResponse<String> reply = Http.post(container.getProviderUrl("default", "openai") + "/chat/completions",
                Http.CHAT, "cf-aig-authorization", Http.bearer(container.getApiToken()), "cf-aig-max-attempts", "5",
                "cf-aig-retry-delay", "5000", "cf-aig-backoff", "exponential");

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        Timeline timeline = emulator.timelines().get(0);
        assertThat(timeline.attemptStartsMillis()).containsExactly(0L, 5_000L, 15_000L, 35_000L, 75_000L);
        assertThat(timeline.attempts()).extracting(Timeline.Attempt::status).containsExactly(503, 503, 503, 503, 200);
        assertThat(emulator.recordedRequests("openai", "default", null)).hasSize(5);
        assertThat(Duration.between(before, emulator.clock().now())).isGreaterThanOrEqualTo(Duration.ofSeconds(75));
    }

    @Test
    void scriptsCanBeNarrowedToATestIdAndCleared() {
        ProviderScript script = emulator.script("openai").forTest("test-a").always(UpstreamResponse.status(429));
        assertThat(script.pending()).as("a repeating step is no pending response").isZero();
        String chat = container.getProviderUrl("default", "openai") + "/chat/completions";
        String auth = Http.bearer(container.getApiToken());

        assertThat(Http.post(chat, Http.CHAT, "cf-aig-authorization", auth, "x-aigw-test-id", "test-a").statusCode())
                .isEqualTo(429);
        assertThat(Http.post(chat, Http.CHAT, "cf-aig-authorization", auth, "x-aigw-test-id", "test-b").statusCode())
                .isEqualTo(200);
        script.clear();
        assertThat(Http.post(chat, Http.CHAT, "cf-aig-authorization", auth, "x-aigw-test-id", "test-a").statusCode())
                .isEqualTo(200);
        assertThat(emulator.recordedRequests(null, null, "test-b")).hasSize(1);
    }
}
