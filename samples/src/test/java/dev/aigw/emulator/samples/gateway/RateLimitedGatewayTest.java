package dev.aigw.emulator.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.RateLimitException;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.junit5.AiGatewayTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gateway limited to two requests a minute refuses the third with 429 and error 2003, without forwarding it.
 * The SDK's own retries are off: they would retry the 429.
 */
@Timeout(30)
@AiGatewayTest
class RateLimitedGatewayTest {

    @Test
    void theThirdRequestInAMinuteIsRateLimited(AiGatewayEmulator emulator) {
        emulator.createGateway("limited", GatewaySettings.builder()
                .rateLimitingLimit(2)
                .rateLimitingInterval(Duration.ofMinutes(1))
                .rateLimitingTechnique(GatewaySettings.RateLimitingTechnique.FIXED)
                .build());
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("limited", "openai"))
                .apiKey("sk-test")
                .maxRetries(0)
                .build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Hello")
                .build();

        client.chat().completions().create(params);
        client.chat().completions().create(params);

        assertThatThrownBy(() -> client.chat().completions().create(params))
                .isInstanceOfSatisfying(RateLimitException.class, limited -> {
                    assertThat(limited.statusCode()).isEqualTo(429);
                    assertThat(limited.body().toString()).contains("2003", "Rate limited");
                });
        assertThat(emulator.recordedRequests()).hasSize(2);
    }
}
