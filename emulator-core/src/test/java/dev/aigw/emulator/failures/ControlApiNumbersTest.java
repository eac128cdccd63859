package dev.aigw.emulator.failures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.VirtualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every number the control API computes with is read within limits: a huge, tiny, negative, fractional,
 * NaN-like or wrong-typed value is a 400/7001 naming the member, and changes neither the clock nor the scripts.
 */
@Timeout(30)
class ControlApiNumbersTest {

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-04-01T08:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        emulator.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/clock/advance|{\"millis\":1e999999999}|millis", "/clock/advance|{\"millis\":1e-999999999}|millis",
            "/clock/advance|{\"millis\":-1}|millis", "/clock/advance|{\"millis\":0.0000001}|millis",
            "/clock/advance|{\"millis\":\"NaN\"}|millis", "/clock/advance|{\"millis\":9223372036855}|millis",
            "/clock/await-waiters|{\"count\":1e99999999}|count", "/clock/await-waiters|{\"timeout_ms\":-1}|timeout_ms",
            "/requests/take|{\"timeout_ms\":1e999999999}|timeout_ms", "/requests/take|{\"timeout_ms\":0.5}|timeout_ms",
            "/scripts/openai|{\"steps\":[{\"status\":2e2}]}|status",
            "/scripts/openai|{\"steps\":[{\"status\":200,\"latency_ms\":1e999999999}]}|latency_ms",
            "/scripts/openai|{\"steps\":[{\"status\":200,\"latency_ms\":1e-999999999}]}|latency_ms",
            "/scripts/openai|{\"steps\":[{\"status\":200,\"times\":1e99999999}]}|times",
            "/scripts/openai|{\"steps\":[{\"status\":200,\"times\":-1}]}|times",
            "/scripts/openai|{\"steps\":[{\"status\":200,\"every_nth\":99999999999}]}|every_nth",
            "/scripts/openai|{\"steps\":[{\"status\":200,\"probability\":1e-999999999}]}|probability",
            "/scripts/openai|{\"steps\":[{\"status\":200,\"probability\":\"NaN\"}]}|probability",
            "/scripts/openai|{\"steps\":[{\"status\":200,\"tokens_per_second\":1e400}]}|tokens_per_second",
            "/scripts/openai|{\"steps\":[{\"fault\":\"broken_stream\",\"after_events\":1e9}]}|after_events"})
    void aNumberOutOfRangeIsRefusedNamingItsMember(String path, String body, String member) throws Exception {
        Instant before = clock.now();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(emulator.baseUrl() + "/__emulator" + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = new ObjectMapper().readTree(response.body()).get("errors").get(0);
        assertThat(error.get("code").intValue()).isEqualTo(7001);
        assertThat(error.get("message").textValue()).contains(member);
        assertThat(clock.now()).isEqualTo(before);
        assertThat(emulator.script("openai").pending()).isZero();
    }
}
