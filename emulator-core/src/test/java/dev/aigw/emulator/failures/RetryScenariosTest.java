package dev.aigw.emulator.failures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamFault;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Retries over HTTP on the virtual clock: exact timelines, header overrides, what retries and what does not. */
@Timeout(30)
class RetryScenariosTest {

    static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    static final ObjectMapper JSON = new ObjectMapper();

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-04-01T08:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void fiveAttemptsWithFiveSecondExponentialBackoffSucceedAfterFourFailuresOnAnExactTimeline() throws Exception {
        emulator.createGateway("gw");
        emulator.script("openai").enqueue(UpstreamResponse.status(503), 4);

        HttpResponse<String> response = chat("gw", "cf-aig-max-attempts", "5", "cf-aig-retry-delay", "5000",
                "cf-aig-backoff", "exponential");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("object").textValue()).isEqualTo("chat.completion");
        Timeline timeline = emulator.lastTimeline();
        assertThat(timeline.attemptStartsMillis()).containsExactly(0L, 5_000L, 15_000L, 35_000L, 75_000L);
        assertThat(timeline.delaysMillis()).containsExactly(5_000L, 10_000L, 20_000L, 40_000L);
        assertThat(timeline.attempts()).extracting(Timeline.Attempt::outcome)
                .containsExactly(Timeline.Outcome.HTTP_ERROR, Timeline.Outcome.HTTP_ERROR, Timeline.Outcome.HTTP_ERROR, Timeline.Outcome.HTTP_ERROR, Timeline.Outcome.SUCCESS);
        assertThat(timeline.attempts()).extracting(Timeline.Attempt::status).containsExactly(503, 503, 503, 503, 200);
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-04-01T08:01:15Z"));
        assertThat(emulator.recordedRequests()).extracting(RecordedRequest::attempt).containsExactly(1, 2, 3, 4, 5);
        assertThat(emulator.recordedRequests()).extracting(RecordedRequest::at).containsExactly(
                Instant.parse("2026-04-01T08:00:00Z"), Instant.parse("2026-04-01T08:00:05Z"),
                Instant.parse("2026-04-01T08:00:15Z"), Instant.parse("2026-04-01T08:00:35Z"),
                Instant.parse("2026-04-01T08:01:15Z"));
    }

    @Test
    void theGatewaysRetrySettingsApplyWhenTheRequestSetsNone() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .retryMaxAttempts(3).retryDelay(Duration.ofMillis(1000)).retryBackoff(GatewaySettings.Backoff.LINEAR)
                .build());
        emulator.script("openai").enqueue(UpstreamResponse.status(500), 2);

        assertThat(chat("gw").statusCode()).isEqualTo(200);

        assertThat(emulator.lastTimeline().delaysMillis()).containsExactly(1_000L, 2_000L);
    }

    @Test
    void requestHeadersOverrideTheGatewaysRetrySettings() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .retryMaxAttempts(2).retryDelay(Duration.ofMillis(1000)).retryBackoff(GatewaySettings.Backoff.LINEAR)
                .build());
        emulator.script("openai").enqueue(UpstreamResponse.status(500), 3);

        assertThat(chat("gw", "cf-aig-max-attempts", "4", "cf-aig-retry-delay", "100", "cf-aig-backoff", "exponential")
                .statusCode()).isEqualTo(200);

        assertThat(emulator.lastTimeline().delaysMillis()).containsExactly(100L, 200L, 400L);
    }

    @Test
    void invalidRetryHeadersAreClampedOrIgnored() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .retryMaxAttempts(2).retryDelay(Duration.ofMillis(300)).retryBackoff(GatewaySettings.Backoff.CONSTANT)
                .build());
        emulator.script("openai").always(UpstreamResponse.status(502));

        HttpResponse<String> response = chat("gw", "cf-aig-max-attempts", "99", "cf-aig-retry-delay", "-5",
                "cf-aig-backoff", "fibonacci");

        assertThat(response.statusCode()).isEqualTo(502);
        Timeline timeline = emulator.lastTimeline();
        assertThat(timeline.attempts()).as("99 is clamped to 5").hasSize(5);
        assertThat(timeline.delaysMillis()).as("bad delay and backoff fall back to the gateway's").containsOnly(300L);
    }

    @Test
    void nonRetryableStatusesAreReturnedAtOnce() {
        emulator.createGateway("gw");
        emulator.script("openai").enqueue(UpstreamResponse.status(400));

        HttpResponse<String> response = chat("gw", "cf-aig-max-attempts", "5");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("error");
        assertThat(emulator.recordedRequests()).hasSize(1);
        assertThat(emulator.lastTimeline().attempts()).extracting(Timeline.Attempt::outcome).containsExactly(Timeline.Outcome.HTTP_ERROR);
    }

    @Test
    void retriesStopAtTheCapAndTheClientGetsTheLastProviderAnswerAsIs() {
        emulator.createGateway("gw");
        emulator.script("openai").always(UpstreamResponse.builder().status(429).header("retry-after", "30").build());

        HttpResponse<String> response = chat("gw", "cf-aig-max-attempts", "3", "cf-aig-retry-delay", "500");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).contains("30");
        assertThat(emulator.recordedRequests()).hasSize(3);
        assertThat(emulator.lastTimeline().delaysMillis()).as("retry-after is not honoured").containsExactly(500L, 500L);
    }

    @Test
    void whenEveryAttemptFailsWithoutAResponseTheClientGets2005() throws Exception {
        emulator.createGateway("gw");
        emulator.script("openai").always(UpstreamFault.connectionReset());

        HttpResponse<String> response = chat("gw", "cf-aig-max-attempts", "2", "cf-aig-retry-delay", "1000");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("internalCode").intValue()).isEqualTo(2005);
        assertThat(body.get("message").textValue()).isEqualTo("Failed to get response from provider");
        assertThat(emulator.lastTimeline().attempts()).extracting(Timeline.Attempt::outcome)
                .containsExactly(Timeline.Outcome.CONNECTION_RESET, Timeline.Outcome.CONNECTION_RESET);
        assertThat(emulator.lastTimeline().status()).isEqualTo(400);
    }

    @Test
    void withAManualClockTheRequestIsParkedMidBackoffUntilTimeIsAdvanced() throws Exception {
        VirtualClock manual = VirtualClock.manual();
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(manual).build().start()) {
            emulator.createGateway("gw");
            emulator.script("openai").enqueue(UpstreamResponse.status(503));

            CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() -> send(emulator, "gw",
                    "cf-aig-max-attempts", "2", "cf-aig-retry-delay", "1000"));

            manual.awaitWaiters(1, Duration.ofSeconds(10));
            assertThat(emulator.recordedRequests()).hasSize(1);
            manual.advance(Duration.ofMillis(999));
            assertThat(manual.waiters()).as("still waiting after 999 ms").isEqualTo(1);
            assertThat(emulator.recordedRequests()).as("no second attempt before the backoff ends").hasSize(1);
            assertThat(pending).isNotDone();

            manual.advance(Duration.ofMillis(1));

            assertThat(pending.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(emulator.recordedRequests()).hasSize(2);
            assertThat(emulator.lastTimeline().attemptStartsMillis()).containsExactly(0L, 1_000L);
        }
    }

    private HttpResponse<String> chat(String gateway, String... headers) {
        return send(emulator, gateway, headers);
    }

    static HttpResponse<String> send(AiGatewayEmulator emulator, String gateway, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                        URI.create(emulator.providerUrl(gateway, "openai") + "/chat/completions"))
                .header("content-type", "application/json")
                .header("authorization", "Bearer sk-test")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
