package dev.aigw.emulator.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.proxy.ProxyClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Chat requests whose cost is known in advance: the fake OpenAI answers with a usage block of {@code 400 000 x k}
 * input tokens of {@code gpt-4o} (2.50 USD per million), so each costs {@code k} US dollars, {@code 100 k} cents.
 */
final class PricedTraffic {

    static final String CHAT = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AiGatewayEmulator emulator;
    private final ProxyClient client;

    PricedTraffic(AiGatewayEmulator emulator) {
        this.emulator = emulator;
        this.client = new ProxyClient(emulator);
    }

    /** A reply of this status whose usage costs {@code dollars} USD on {@code gpt-4o}, after {@code latency}. */
    static UpstreamResponse costing(int status, int dollars, Duration latency) {
        return UpstreamResponse.builder().status(status).header("content-type", "application/json")
                .latency(latency)
                .body("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
                        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + 400_000 * dollars
                        + ",\"completion_tokens\":0,\"total_tokens\":" + 400_000 * dollars + "}}")
                .build();
    }

    /** Makes every OpenAI reply cost one dollar. */
    void everyReplyCostsOneDollar() {
        emulator.script("openai").always(costing(200, 1, Duration.ZERO));
    }

    /** Sends a chat to {@code gw}'s OpenAI endpoint, authenticated to the gateway, with extra headers. */
    HttpResponse<String> chat(String gatewayId, String... headers) {
        return send(gatewayId, "openai/chat/completions", CHAT, headers);
    }

    HttpResponse<String> send(String gatewayId, String path, String body, String... headers) {
        return client.postToGateway(gatewayId, path, body, headers);
    }

    static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the gateway's own error: status, {@code AiGatewayError} with this code and message in both places. */
    static void assertGatewayError(HttpResponse<String> response, int status, int code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("name").asText()).isEqualTo("AiGatewayError");
        assertThat(body.get("internalCode").asInt()).isEqualTo(code);
        assertThat(body.get("message").asText()).isEqualTo(message);
        assertThat(body.get("error").get(0).get("code").asInt()).isEqualTo(code);
        assertThat(body.get("error").get(0).get("message").asText()).isEqualTo(message);
    }

    /**
     * Asserts that the refused request was logged with its status (its entry carrying the error body) and that its
     * timeline shows the refusal and no attempt.
     */
    void assertRefusedAndRecorded(String gatewayId, HttpResponse<String> response, int status, int code,
                                  String message) {
        String logId = response.headers().firstValue("cf-aig-log-id").orElseThrow();
        List<LogEntry> logs = emulator.logs(gatewayId);
        LogEntry entry = logs.stream().filter(e -> e.id().equals(logId)).findFirst().orElseThrow();
        assertThat(entry.statusCode()).isEqualTo(status);
        assertThat(entry.success()).isFalse();
        assertThat(entry.cost()).isZero();
        Timeline timeline = emulator.lastTimeline();
        assertThat(timeline.logId()).isEqualTo(logId);
        assertThat(timeline.status()).isEqualTo(status);
        assertThat(timeline.attempts()).isEmpty();
        assertThat(timeline.refusal()).isEqualTo(new Timeline.Refusal(status, code, message, 0));
    }
}
