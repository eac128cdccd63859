package dev.aigw.emulator.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.junit5.AiGatewayTest;
import dev.aigw.emulator.junit5.Provider;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A test written as with MockWebServer (enqueue, url, takeRequest), quoted in
 * docs/coming-from-wiremock-and-mockwebserver.md: the provider fails twice and the gateway's retries absorb it.
 */
@Timeout(30)
@AiGatewayTest
class MockWebServerStyleTest {

    @Test
    void twoOutagesAreRetriedByTheGateway(AiGatewayEmulator emulator, @Provider("openai") ProviderScript openai)
            throws InterruptedException {
        emulator.createGateway("my-gateway", GatewaySettings.builder()
                .retryMaxAttempts(3)
                .retryDelay(Duration.ofSeconds(2))
                .build());
        openai.enqueue(UpstreamResponse.status(503), 2);                // enqueue
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "openai"))  // url
                .apiKey("sk-test")
                .maxRetries(0)
                .build();

        client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Hello")
                .build());

        RecordedRequest first = emulator.takeRequest(Duration.ofSeconds(5));    // takeRequest
        assertThat(first.url()).isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(first.bodyText()).contains("\"model\":\"gpt-4o-mini\"");
        assertThat(emulator.recordedRequests()).hasSize(3);
        assertThat(emulator.lastTimeline().attemptStartsMillis()).containsExactly(0L, 2_000L, 4_000L);
    }
}
