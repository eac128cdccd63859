package dev.aigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's quick start, compiled and run: keep the two in step. */
@Timeout(30)
class ReadmeQuickStartTest {

    @Test
    void quickStart() throws Exception {
        // README: quick start
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start()) {
            // One call creates a gateway; this one retries as the dashboard's Retry Requests would:
            // 5 attempts, 5 s base delay, exponential backoff.
            emulator.createGateway("my-gateway", GatewaySettings.builder()
                    .retryMaxAttempts(5)
                    .retryDelay(Duration.ofSeconds(5))
                    .retryBackoff(GatewaySettings.Backoff.EXPONENTIAL)
                    .build());
            // Script the provider: four 503s, then the fake OpenAI answers normally.
            emulator.script("openai").enqueue(UpstreamResponse.status(503), 4);

            HttpClient http = HttpClient.newHttpClient();
            HttpRequest chat = HttpRequest.newBuilder(
                            URI.create(emulator.providerUrl("my-gateway", "openai") + "/chat/completions"))
                    .header("authorization", "Bearer sk-your-openai-key")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}"))
                    .build();
            HttpResponse<String> response = http.send(chat, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Emulated reply from gpt-4o-mini to: Hello");
            // 75 s of backoff took no real time: the virtual clock jumped through the waits.
            assertThat(emulator.lastTimeline().attemptStartsMillis()).containsExactly(0L, 5_000L, 15_000L, 35_000L, 75_000L);
            assertThat(emulator.recordedRequests()).hasSize(5);
        }
        // README: end
    }
}
