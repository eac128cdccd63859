package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where a request runs (an I/O thread or a worker) is decided once, and nothing a test sees depends on it: each
 * attempt takes its script step at its own start, so a step queued while a request waits on the clock (in latency
 * or in backoff) applies to that request's next attempt; the same requests give the same answers, timelines and
 * journal with one I/O thread or four, and with a small, a large or a chunked body.
 */
@Timeout(30)
class RequestPlacementTest {

    /** How the request body travels. */
    enum Body {
        SMALL, OVER_64_KIB, CHUNKED
    }

    static Stream<Arguments> ioThreadsAndBodies() {
        List<Arguments> rows = new ArrayList<>();
        for (int ioThreads : new int[] {1, 4}) {
            for (Body body : Body.values()) {
                rows.add(Arguments.of(ioThreads, body));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} I/O threads, {1} body")
    @MethodSource("ioThreadsAndBodies")
    void aStepQueuedWhileARequestWaitsInBackoffAppliesToItsNextAttempt(int ioThreads, Body body) throws Exception {
        VirtualClock clock = VirtualClock.manual();
        try (AiGatewayEmulator emulator = emulator(ioThreads, clock)) {
            emulator.createGateway("gw", GatewaySettings.builder()
                    .retryMaxAttempts(3).retryDelay(Duration.ofMillis(1000))
                    .retryBackoff(GatewaySettings.Backoff.CONSTANT).build());
            emulator.script("openai").enqueue(UpstreamResponse.status(503));

            CompletableFuture<HttpResponse<String>> answer = sendAsync(emulator, body);
            parkedAfterAttempt(1, emulator, clock);
            emulator.script("openai").enqueue(UpstreamResponse.status(429));
            clock.advance(Duration.ofSeconds(1));
            parkedAfterAttempt(2, emulator, clock);
            clock.advance(Duration.ofSeconds(1));

            assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            Timeline timeline = emulator.lastTimeline();
            assertThat(timeline.attempts()).extracting(Timeline.Attempt::status).containsExactly(503, 429, 200);
            assertThat(timeline.attemptStartsMillis()).containsExactly(0L, 1000L, 2000L);
            assertThat(emulator.script("openai").pending()).isZero();
        }
    }

    @ParameterizedTest(name = "{0} I/O threads, {1} body")
    @MethodSource("ioThreadsAndBodies")
    void aStepQueuedWhileARequestWaitsInLatencyAppliesToItsNextAttempt(int ioThreads, Body body) throws Exception {
        VirtualClock clock = VirtualClock.manual();
        try (AiGatewayEmulator emulator = emulator(ioThreads, clock)) {
            emulator.createGateway("gw", GatewaySettings.builder()
                    .retryMaxAttempts(2).retryDelay(Duration.ofMillis(0)).retryBackoff(GatewaySettings.Backoff.CONSTANT)
                    .build());
            emulator.script("openai").enqueue(UpstreamResponse.builder().status(500).latency(Duration.ofSeconds(2)).build());

            CompletableFuture<HttpResponse<String>> answer = sendAsync(emulator, body);
            parkedAfterAttempt(1, emulator, clock);
            emulator.script("openai").enqueue(UpstreamResponse.status(502));
            clock.advance(Duration.ofSeconds(2));

            assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(502);
            Timeline timeline = emulator.lastTimeline();
            assertThat(timeline.attempts()).extracting(Timeline.Attempt::status).containsExactly(500, 502);
            assertThat(timeline.attemptStartsMillis()).containsExactly(0L, 2000L);
        }
    }

    @ParameterizedTest(name = "{0} I/O threads, {1} body")
    @MethodSource("ioThreadsAndBodies")
    void theSameRequestsGiveTheSameAnswersWhereverTheyRun(int ioThreads, Body body) throws Exception {
        try (AiGatewayEmulator emulator = emulator(ioThreads, VirtualClock.create())) {
            emulator.createGateway("gw");

            HttpResponse<String> unscripted = sendAsync(emulator, body).get(10, TimeUnit.SECONDS);
            emulator.script("openai").enqueue(UpstreamResponse.status(503));
            HttpResponse<String> scripted = sendAsync(emulator, body).get(10, TimeUnit.SECONDS);
            HttpResponse<String> afterwards = sendAsync(emulator, body).get(10, TimeUnit.SECONDS);

            assertThat(List.of(unscripted.statusCode(), scripted.statusCode(), afterwards.statusCode()))
                    .containsExactly(200, 503, 200);
            assertThat(unscripted.body()).isEqualTo(afterwards.body()).contains("Emulated reply from gpt-4o-mini");
            assertThat(emulator.timelines()).extracting(t -> t.attempts().get(0).outcome())
                    .containsExactly(Timeline.Outcome.SUCCESS, Timeline.Outcome.HTTP_ERROR, Timeline.Outcome.SUCCESS);
            assertThat(emulator.recordedRequests()).hasSize(3)
                    .allSatisfy(recorded -> assertThat(recorded.body()).isEqualTo(body(body)));
        }
    }

    /** Waits until attempt {@code n} has started and the request is parked on the clock again. */
    private static void parkedAfterAttempt(int n, AiGatewayEmulator emulator, VirtualClock clock) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (emulator.recordedRequests().size() < n) {
            assertThat(System.nanoTime()).as("attempt %d started", n).isLessThan(deadline);
            Thread.sleep(2);
        }
        clock.awaitWaiters(1, Duration.ofSeconds(10));
    }

    private static AiGatewayEmulator emulator(int ioThreads, VirtualClock clock) {
        return AiGatewayEmulator.builder().ioThreads(ioThreads).clock(clock).build().start();
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(AiGatewayEmulator emulator, Body body) {
        byte[] bytes = body(body);
        HttpRequest.BodyPublisher publisher = body == Body.CHUNKED
                // A publisher of unknown length: the JDK client sends the body chunked.
                ? HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.providerUrl("gw", "openai") + "/chat/completions"))
                .header("content-type", "application/json")
                .POST(publisher)
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] body(Body body) {
        String content = body == Body.OVER_64_KIB ? "word ".repeat(20_000).trim() : "Hello there";
        return ("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
