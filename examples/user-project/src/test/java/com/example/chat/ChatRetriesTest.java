package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.junit5.AiGatewayTest;
import dev.aigw.emulator.junit5.Provider;
import dev.aigw.emulator.sdk.OpenAiEmulatorClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@AiGatewayTest
class ChatRetriesTest {

    @Test
    void theGatewayRetriesTwoOutagesAndTheClientGetsItsAnswer(AiGatewayEmulator emulator,
                                                              @Provider("openai") ProviderScript openai)
            throws InterruptedException {
        emulator.createGateway("my-gateway", GatewaySettings.builder()
                .retryMaxAttempts(3)
                .retryDelay(Duration.ofSeconds(1))
                .retryBackoff(GatewaySettings.Backoff.EXPONENTIAL)
                .build());
        openai.enqueue(UpstreamResponse.status(503), 2);

        OpenAIClient client = OpenAiEmulatorClock.install(OpenAIOkHttpClient.builder(), emulator.emulatorClock())
                .baseUrl(emulator.providerUrl("my-gateway", "openai"))
                .apiKey("sk-test")
                .build();
        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Hello")
                .build());

        assertThat(completion.choices().get(0).message().content()).hasValue("Emulated reply from gpt-4o-mini to: Hello");
        assertThat(emulator.lastTimeline().attemptStartsMillis()).containsExactly(0L, 1_000L, 3_000L);
        RecordedRequest first = emulator.takeRequest(Duration.ofSeconds(5));
        assertThat(first.header("authorization")).hasValue("Bearer sk-test");
    }
}
