package dev.aigw.emulator.samples.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.junit5.AiGatewayTest;
import dev.aigw.emulator.junit5.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Tests of one class running at the same time: with {@code @AiGatewayTest}, each concurrent test gets an emulator
 * and a virtual clock of its own, so both can create the same gateway and script the same provider.
 */
@Timeout(30)
@AiGatewayTest
@Execution(ExecutionMode.CONCURRENT)
class ConcurrentTestsTest {

    private static void retriesTwiceOnItsOwnClock(AiGatewayEmulator emulator, ProviderScript openai) {
        emulator.createGateway("my-gateway");
        openai.enqueue(UpstreamResponse.status(503), 2);
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "openai"))
                .apiKey("sk-test")
                .maxRetries(0)
                .putHeader("cf-aig-max-attempts", "3")
                .putHeader("cf-aig-retry-delay", "1000")
                .build();

        client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Hello")
                .build());

        assertThat(emulator.recordedRequests()).hasSize(3);
        assertThat(emulator.lastTimeline().attemptStartsMillis()).containsExactly(0L, 1_000L, 2_000L);
    }

    @Test
    void oneTest(AiGatewayEmulator emulator, @Provider("openai") ProviderScript openai) {
        retriesTwiceOnItsOwnClock(emulator, openai);
    }

    @Test
    void anotherTestAtTheSameTime(AiGatewayEmulator emulator, @Provider("openai") ProviderScript openai) {
        retriesTwiceOnItsOwnClock(emulator, openai);
    }
}
