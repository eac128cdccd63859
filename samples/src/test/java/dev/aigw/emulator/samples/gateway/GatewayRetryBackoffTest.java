package dev.aigw.emulator.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.junit5.AiGatewayTest;
import dev.aigw.emulator.junit5.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway retries a failing provider with exponential backoff: five attempts 5 s apart and doubling, which
 * take 75 s of virtual time and a few milliseconds of real time. The SDK's own retries are off: this is about the
 * gateway's.
 */
@Timeout(30)
@AiGatewayTest
class GatewayRetryBackoffTest {

    @Test
    void fourFailuresAreRetriedAt5And10And20And40Seconds(AiGatewayEmulator emulator,
                                                         @Provider("openai") ProviderScript openai) {
        emulator.createGateway("my-gateway");
        openai.enqueue(UpstreamResponse.status(503), 4);
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "openai"))
                .apiKey("sk-test")
                .maxRetries(0)
                .putHeader("cf-aig-max-attempts", "5")
                .putHeader("cf-aig-retry-delay", "5000")
                .putHeader("cf-aig-backoff", "exponential")
                .build();

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Hello")
                .build());

        assertThat(completion.choices().get(0).message().content()).isPresent();
        Timeline timeline = emulator.lastTimeline();
        assertThat(timeline.attemptStartsMillis()).containsExactly(0L, 5_000L, 15_000L, 35_000L, 75_000L);
        assertThat(timeline.attempts()).extracting(Timeline.Attempt::status).containsExactly(503, 503, 503, 503, 200);
    }
}
