package dev.aigw.emulator.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamFault;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.junit5.AiGatewayTest;
import dev.aigw.emulator.junit5.Provider;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A provider that never answers meets the gateway's request timeout, at exactly 3 s of virtual time. */
@Timeout(30)
@AiGatewayTest
class RequestTimeoutTest {

    @Test
    void aHungProviderTimesOutAndTheClientGetsError2005(AiGatewayEmulator emulator, VirtualClock clock,
                                                         @Provider("openai") ProviderScript openai) {
        emulator.createGateway("my-gateway");
        openai.enqueue(UpstreamFault.hang());
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "openai"))
                .apiKey("sk-test")
                .maxRetries(0)
                .putHeader("cf-aig-request-timeout", "3000")
                .build();
        Instant sent = clock.now();

        BadRequestException error = catchThrowableOfType(BadRequestException.class,
                () -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                        .model(ChatModel.GPT_4O_MINI)
                        .addUserMessage("Hello")
                        .build()));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.body().toString()).contains("2005", "Failed to get response from provider");
        Timeline.Attempt attempt = emulator.lastTimeline().attempts().get(0);
        assertThat(attempt.outcome()).isEqualTo(Timeline.Outcome.TIMEOUT);
        assertThat(attempt.endOffsetMillis()).isEqualTo(3_000L);
        assertThat(clock.now()).isEqualTo(sent.plusSeconds(3));
    }
}
