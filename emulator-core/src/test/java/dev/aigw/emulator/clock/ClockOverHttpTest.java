package dev.aigw.emulator.clock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.VirtualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * A test outside the JVM drives the virtual clock over plain HTTP, as this one does with nothing but
 * {@code java.net.http}: it reads how many requests wait and when the next one wakes, and waits until a request is
 * parked instead of sleeping.
 */
@Timeout(30)
class ClockOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT =
            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder()
            .clock(VirtualClock.startingAt(Instant.parse("2026-04-01T08:00:00Z"))).build().start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void aBackoffIsDrivenWithoutSleepingByAwaitingWaitersAndAdvancing() throws Exception {
        assertThat(control("PUT", "/clock", "{\"mode\":\"manual\"}").statusCode()).isEqualTo(200);
        assertThat(control("POST", "/scripts/openai", "{\"steps\":[{\"status\":503,\"times\":2}]}").statusCode())
                .isEqualTo(200);
        CompletableFuture<HttpResponse<String>> chat = http.sendAsync(HttpRequest.newBuilder(
                        URI.create(emulator.providerUrl("default", "openai") + "/chat/completions"))
                .header("content-type", "application/json")
                .header("cf-aig-authorization", "Bearer " + emulator.apiToken())
                .header("cf-aig-max-attempts", "3")
                .header("cf-aig-retry-delay", "5000")
                .header("cf-aig-backoff", "exponential")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT))
                .build(), HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> parked = control("POST", "/clock/await-waiters", "{\"count\":1,\"timeout_ms\":5000}");
        assertThat(parked.statusCode()).isEqualTo(200);
        assertThat(json(parked)).isEqualTo(json("""
                {"mode":"manual","now":"2026-04-01T08:00:00.000Z","waiters":1,
                 "next_wake_up":"2026-04-01T08:00:05.000Z"}"""));
        control("POST", "/clock/advance", "{\"millis\":5000}");

        HttpResponse<String> parkedAgain = control("POST", "/clock/await-waiters", "{}");
        assertThat(json(parkedAgain)).as("the second backoff, not the first one just ended").isEqualTo(json("""
                {"mode":"manual","now":"2026-04-01T08:00:05.000Z","waiters":1,
                 "next_wake_up":"2026-04-01T08:00:15.000Z"}"""));
        control("POST", "/clock/advance", "{\"millis\":10000}");

        assertThat(chat.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        JsonNode attempts = json(control("GET", "/timelines", null)).get("timelines").get(0).get("attempts");
        assertThat(attempts.findValuesAsText("start_offset_ms")).containsExactly("0", "5000", "15000");
        assertThat(attempts.findValuesAsText("status")).containsExactly("503", "503", "200");
        assertThat(json(control("GET", "/clock", null))).isEqualTo(json("""
                {"mode":"manual","now":"2026-04-01T08:00:15.000Z","waiters":0,"next_wake_up":null}"""));
    }

    @Test
    void readingAVirtualClockReportsNoWaitersAndANullWakeUpWhenNothingWaits() throws Exception {
        HttpResponse<String> clock = control("GET", "/clock", null);

        assertThat(clock.statusCode()).isEqualTo(200);
        assertThat(json(clock)).isEqualTo(json("""
                {"mode":"auto","now":"2026-04-01T08:00:00.000Z","waiters":0,"next_wake_up":null}"""));
    }

    @Test
    void awaitingWaitersThatNeverComeFailsWhenItsRealTimeoutPasses() throws Exception {
        HttpResponse<String> response = control("POST", "/clock/await-waiters", "{\"count\":2,\"timeout_ms\":50}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response)).isEqualTo(json("""
                {"success":false,"errors":[{"code":7001,"message":"expected 2 waiter(s) on the virtual clock within 50 ms\
                 of real time, but 0 are waiting; is the request running, and is the clock in manual mode (it is in\
                 auto mode)?"}],"messages":[],"result":{}}"""));
    }

    @Test
    void aNegativeCountIsRefusedNamingTheMember() throws Exception {
        HttpResponse<String> response = control("POST", "/clock/await-waiters", "{\"count\":-1}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors")).isEqualTo(json("""
                [{"code":7001,"message":"Input Validation Error: count: expected an integer from 0 to 100000, got -1",
                  "path":["body","count"]}]"""));
    }

    @Test
    void aTimeoutAboveTenMinutesIsRefusedNamingTheMember() throws Exception {
        HttpResponse<String> response = control("POST", "/clock/await-waiters", "{\"timeout_ms\":600001}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors")).isEqualTo(json("""
                [{"code":7001,"message":"Input Validation Error: timeout_ms: expected an integer from 0 to 600000,\
                 got 600001","path":["body","timeout_ms"]}]"""));
    }

    @Test
    void aTimeoutThatIsNotAnIntegerIsRefused() throws Exception {
        HttpResponse<String> response = control("POST", "/clock/await-waiters", "{\"timeout_ms\":\"5s\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("path")).isEqualTo(json("[\"body\",\"timeout_ms\"]"));
    }

    @Test
    void awaitingWaitersNeedsABodyThatIsAJsonObject() throws Exception {
        HttpResponse<String> response = control("POST", "/clock/await-waiters", "[1]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("message").textValue())
                .isEqualTo("Input Validation Error: the body must be a JSON object, got array");
    }

    @Test
    void onTheSystemClockAwaitingWaitersIsRefusedAndTheClockReportsNoWaiters() throws Exception {
        try (AiGatewayEmulator system = AiGatewayEmulator.builder().clock(EmulatorClock.system()).build().start()) {
            JsonNode clock = json(send(system, "GET", "/clock", null));
            assertThat(clock.get("mode").textValue()).isEqualTo("system");
            assertThat(clock.has("waiters")).isFalse();
            assertThat(clock.has("next_wake_up")).isFalse();

            HttpResponse<String> refused = send(system, "POST", "/clock/await-waiters", "{}");

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(json(refused).get("errors").get(0).get("message").textValue()).startsWith(
                    "The emulator runs on the system clock, which cannot be switched or advanced");
        }
    }

    private HttpResponse<String> control(String method, String path, String body) {
        return send(emulator, method, path, body);
    }

    private HttpResponse<String> send(AiGatewayEmulator target, String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.baseUrl() + "/__emulator" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
