package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.testsupport.ApiAssertions;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gateway's {@code retry_delay} above the header's 5000 ms cap (the API accepts 0 to 60000, management-api-2.md
 * the data plane waits the stored value on the virtual clock and the request never fails for it.
 */
@Timeout(30)
class LongStoredRetryDelayTest {

    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    @Test
    void aSixtySecondStoredDelayIsWaitedAsStored() throws Exception {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start()) {
            ApiAssertions.assertOk(ManagementApi.of(emulator).post("/gateways", """
                    {"id": "gw", "cache_invalidate_on_update": false, "cache_ttl": 0, "collect_logs": true,
                     "rate_limiting_interval": 0, "rate_limiting_limit": 0,
                     "retry_max_attempts": 3, "retry_delay": 60000, "retry_backoff": "linear"}
                    """));
            emulator.script("openai").enqueue(UpstreamResponse.status(503), 2);

            HttpResponse<String> response = send(emulator);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(emulator.lastTimeline().attemptStartsMillis()).containsExactly(0L, 60_000L, 180_000L);
        }
    }

    @Test
    void theJavaBuilderTakesADelayAboveFiveSeconds() throws Exception {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start()) {
            emulator.createGateway("gw", GatewaySettings.builder().retryMaxAttempts(2)
                    .retryDelay(Duration.ofSeconds(10)).build());
            emulator.script("openai").enqueue(UpstreamResponse.status(429));

            assertThat(send(emulator).statusCode()).isEqualTo(200);
            assertThat(emulator.lastTimeline().delaysMillis()).containsExactly(10_000L);
            assertThat(emulator.gateway("gw").orElseThrow().settings().retryDelay()).contains(Duration.ofSeconds(10));
        }
    }

    private static HttpResponse<String> send(AiGatewayEmulator emulator) throws Exception {
        HttpRequest chat = HttpRequest.newBuilder(URI.create(emulator.providerUrl("gw", "openai") + "/chat/completions"))
                .header("authorization", "Bearer sk-test")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT))
                .build();
        return HttpClient.newHttpClient().send(chat, HttpResponse.BodyHandlers.ofString());
    }
}
