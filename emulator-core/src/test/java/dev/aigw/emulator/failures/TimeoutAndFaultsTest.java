package dev.aigw.emulator.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamFault;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Request timeouts and every scripted fault, as a client sees them. */
@Timeout(30)
class TimeoutAndFaultsTest {

    private static final Instant START = Instant.parse("2026-04-01T08:00:00Z");
    private static final String STREAM = "{\"model\":\"gpt-4o-mini\",\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"one two three four five\"}]}";

    private final VirtualClock clock = VirtualClock.startingAt(START);
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();

    @BeforeEach
    void gateway() {
        emulator.createGateway("gw");
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void aHungUpstreamWithARequestTimeoutAnswers2005AtExactlyThatVirtualTime() throws Exception {
        emulator.script("openai").enqueue(UpstreamFault.hang());

        HttpResponse<String> response = RetryScenariosTest.send(emulator, "gw", "cf-aig-request-timeout", "3000");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RetryScenariosTest.JSON.readTree(response.body()).get("internalCode").intValue()).isEqualTo(2005);
        Timeline.Attempt attempt = emulator.lastTimeline().attempts().get(0);
        assertThat(attempt.outcome()).isEqualTo(Timeline.Outcome.TIMEOUT);
        assertThat(attempt.endOffsetMillis()).isEqualTo(3_000L);
        assertThat(clock.now()).isEqualTo(START.plusSeconds(3));
    }

    @Test
    void aResponseSlowerThanTheTimeoutIsATimeoutAndAFasterOneIsNot() {
        emulator.script("openai").enqueue(UpstreamResponse.builder().latency(Duration.ofSeconds(5)).build());
        assertThat(RetryScenariosTest.send(emulator, "gw", "cf-aig-request-timeout", "2000").statusCode()).isEqualTo(400);
        assertThat(emulator.lastTimeline().attempts().get(0).endOffsetMillis()).isEqualTo(2_000L);

        emulator.script("openai").enqueue(UpstreamResponse.builder().latency(Duration.ofMillis(1500)).build());
        assertThat(RetryScenariosTest.send(emulator, "gw", "cf-aig-request-timeout", "2000").statusCode()).isEqualTo(200);
        assertThat(emulator.lastTimeline().attempts().get(0).endOffsetMillis()).isEqualTo(1_500L);
    }

    @Test
    void withRetriesTimedOutAttemptsAreRetriedAndTheFinalAttemptHasNoTimeLimit() {
        emulator.script("openai").enqueue(UpstreamFault.hang(), 2);
        emulator.script("openai").enqueue(UpstreamResponse.builder().latency(Duration.ofSeconds(10)).build());

        HttpResponse<String> response = RetryScenariosTest.send(emulator, "gw", "cf-aig-request-timeout", "1000",
                "cf-aig-max-attempts", "3", "cf-aig-retry-delay", "500");

        assertThat(response.statusCode()).isEqualTo(200);
        Timeline timeline = emulator.lastTimeline();
        assertThat(timeline.attempts()).extracting(Timeline.Attempt::outcome).containsExactly(Timeline.Outcome.TIMEOUT, Timeline.Outcome.TIMEOUT, Timeline.Outcome.SUCCESS);
        assertThat(timeline.attemptStartsMillis()).containsExactly(0L, 1_500L, 3_000L);
        assertThat(timeline.attempts().get(2).endOffsetMillis()).as("the last attempt waited 10 s past the 1 s timeout")
                .isEqualTo(13_000L);
    }

    @Test
    void aHangOnTheFinalAttemptWaitsUntilTheEmulatorCloses() throws Exception {
        VirtualClock manual = VirtualClock.manual();
        AiGatewayEmulator closing = AiGatewayEmulator.builder().clock(manual).build().start();
        closing.createGateway("gw");
        closing.script("openai").always(UpstreamFault.hang());
        CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() ->
                RetryScenariosTest.send(closing, "gw", "cf-aig-request-timeout", "1000", "cf-aig-max-attempts", "2"));

        manual.awaitWaiters(1, Duration.ofSeconds(10));
        manual.advance(Duration.ofSeconds(1));
        Eventually.holds(() -> closing.recordedRequests().size() == 2 && manual.waiters() == 1, Duration.ofSeconds(10));
        manual.advance(Duration.ofHours(1));
        assertThat(closing.recordedRequests()).hasSize(2);
        assertThat(manual.waiters()).as("the final attempt still waits an hour later").isEqualTo(1);

        closing.close();

        assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(IOException.class);
        assertThat(manual.waiters()).isZero();
    }

    @Test
    void aConnectionResetIsAFailedAttempt() {
        emulator.script("openai").enqueue(UpstreamFault.connectionReset());

        assertThat(RetryScenariosTest.send(emulator, "gw", "cf-aig-max-attempts", "2").statusCode()).isEqualTo(200);
        assertThat(emulator.lastTimeline().attempts()).extracting(Timeline.Attempt::outcome)
                .containsExactly(Timeline.Outcome.CONNECTION_RESET, Timeline.Outcome.SUCCESS);
    }

    @Test
    void anEmptyResponseIsAFailedAttempt() {
        emulator.script("openai").enqueue(UpstreamFault.emptyResponse());

        assertThat(RetryScenariosTest.send(emulator, "gw").statusCode()).isEqualTo(400);
        assertThat(emulator.lastTimeline().attempts()).extracting(Timeline.Attempt::outcome)
                .containsExactly(Timeline.Outcome.EMPTY_RESPONSE);
    }

    @Test
    void aMalformedBodyReachesTheClientAsA200ThatDoesNotParse() {
        emulator.script("openai").enqueue(UpstreamFault.malformedBody());

        HttpResponse<String> response = RetryScenariosTest.send(emulator, "gw", "cf-aig-max-attempts", "3");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> RetryScenariosTest.JSON.readTree(response.body()))
                .isInstanceOf(JsonProcessingException.class);
        assertThat(emulator.recordedRequests()).as("a 200 is not retried").hasSize(1);
    }

    @Test
    void aBrokenStreamDeliversItsFirstEventsThenTheConnectionDrops() throws Exception {
        emulator.script("openai").enqueue(UpstreamFault.brokenStream(2));

        // A raw socket shows what went over the wire; an HTTP client may drop buffered bytes when it sees the cut.
        String wire = rawExchange("POST", "/v1/" + emulator.accountId() + "/gw/openai/chat/completions", STREAM);

        assertThat(wire).startsWith("HTTP/1.1 200");
        assertThat(wire.lines().filter(l -> l.startsWith("data: "))).hasSize(2);
        assertThat(wire).doesNotContain("data: [DONE]");
        assertThat(wire).as("no terminating chunk: the stream was cut").doesNotEndWith("0\r\n\r\n");
        assertThat(emulator.recordedRequests()).as("not retried").hasSize(1);
        assertThat(emulator.lastTimeline().attempts().get(0).outcome()).isEqualTo(Timeline.Outcome.BROKEN_STREAM);
    }

    private String rawExchange(String method, String path, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            byte[] payload = body.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + payload.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(payload);
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (SocketException reset) {
                // The cut may arrive as a reset after the bytes; what was received is what counts.
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aThrottledStreamTakesTimeToFirstTokenPlusOneIntervalPerFurtherEvent() throws Exception {
        emulator.script("openai").enqueue(UpstreamResponse.builder().latency(Duration.ofMillis(200))
                .timeToFirstToken(Duration.ofMillis(800)).tokensPerSecond(10).build());

        HttpResponse<InputStream> response = stream();
        long events;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            events = reader.lines().filter(l -> l.startsWith("data: ")).count();
        }

        assertThat(events).isGreaterThan(2);
        assertThat(clock.now()).isEqualTo(START.plusMillis(200 + 800 + 100 * (events - 1)));
        assertThat(emulator.lastTimeline().attempts().get(0).endOffsetMillis()).as("the head came after the latency")
                .isEqualTo(200L);
    }

    @Test
    void scriptedLatencyDelaysTheResponseHead() {
        emulator.script("openai").enqueue(UpstreamResponse.builder().latency(Duration.ofMillis(2500)).build());

        assertThat(RetryScenariosTest.send(emulator, "gw").statusCode()).isEqualTo(200);

        assertThat(emulator.lastTimeline().attempts().get(0).endOffsetMillis()).isEqualTo(2_500L);
        assertThat(clock.now()).isEqualTo(START.plusMillis(2500));
    }

    private HttpResponse<InputStream> stream() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.providerUrl("gw", "openai") + "/chat/completions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(STREAM)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    }
}
