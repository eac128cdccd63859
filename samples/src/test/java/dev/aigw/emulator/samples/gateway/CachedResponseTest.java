package dev.aigw.emulator.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.junit5.AiGatewayTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gateway with a cache TTL answers the second identical request from its cache: {@code cf-aig-cache-status: HIT},
 * the same completion, and no second attempt upstream.
 */
@Timeout(30)
@AiGatewayTest
class CachedResponseTest {

    @Test
    void theSecondIdenticalRequestIsACacheHit(AiGatewayEmulator emulator) {
        emulator.createGateway("cached", GatewaySettings.builder().cacheTtl(Duration.ofMinutes(5)).build());
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("cached", "openai"))
                .apiKey("sk-test")
                .maxRetries(0)
                .build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Hello")
                .build();

        HttpResponseFor<ChatCompletion> first = client.chat().completions().withRawResponse().create(params);
        HttpResponseFor<ChatCompletion> second = client.chat().completions().withRawResponse().create(params);

        assertThat(first.headers().values("cf-aig-cache-status")).containsExactly("MISS");
        assertThat(second.headers().values("cf-aig-cache-status")).containsExactly("HIT");
        assertThat(second.parse().id()).isEqualTo(first.parse().id());
        assertThat(emulator.recordedRequests()).hasSize(1);
    }
}
