package dev.aigw.emulator.samples.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.junit5.AiGatewayTest;
import dev.aigw.emulator.junit5.Provider;
import dev.aigw.emulator.sdk.AnthropicEmulatorClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * anthropic-java and the gateway retry on one virtual timeline. Anthropic rate-limits the first four attempts
 * (its 429 carries {@code retry-after: 1}); the gateway tries twice per SDK request, 500 ms apart; the SDK waits
 * the second Anthropic asks for on the emulator's clock, then tries again.
 */
@Timeout(30)
@AiGatewayTest(startAt = "2026-04-01T08:00:00Z")
class AnthropicSharedTimelineTest {

    private static final Instant START = Instant.parse("2026-04-01T08:00:00Z");

    @Test
    void theSdkWaitsTheProvidersRetryAfterBetweenTheGatewaysAttempts(AiGatewayEmulator emulator, VirtualClock clock,
                                                                     @Provider("anthropic") ProviderScript anthropic) {
        emulator.createGateway("my-gateway");
        anthropic.enqueue(UpstreamResponse.status(429), 4);

        AnthropicClient client = AnthropicEmulatorClock
                .install(AnthropicOkHttpClient.builder(), emulator.emulatorClock())
                .baseUrl(emulator.providerUrl("my-gateway", "anthropic"))
                .apiKey("sk-ant-test")
                .maxRetries(2)
                .putHeader("cf-aig-max-attempts", "2")
                .putHeader("cf-aig-retry-delay", "500")
                .build();

        Message message = client.messages().create(MessageCreateParams.builder()
                .model(Model.CLAUDE_SONNET_4_5)
                .maxTokens(256)
                .addUserMessage("Hello")
                .build());

        assertThat(message.content().get(0).asText().text()).startsWith("Emulated reply");
        assertThat(emulator.recordedRequests())
                .extracting(attempt -> Duration.between(START, attempt.at()).toMillis())
                .containsExactly(0L, 500L, 1_500L, 2_000L, 3_000L);
        assertThat(emulator.timelines()).extracting(Timeline::delaysMillis)
                .containsExactly(List.of(500L), List.of(500L), List.of());
        assertThat(clock.now()).isEqualTo(START.plusSeconds(3));
    }
}
