package dev.aigw.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.Sleeper;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One call puts anthropic-java's retry backoff on the emulator's virtual time. */
@Timeout(30)
class AnthropicEmulatorClockTest {

    private static final Instant START = Instant.parse("2026-04-01T08:00:00Z");

    @Test
    void theSdksRetriesWaitTheProvidersRetryAfterOnTheVirtualClock() {
        VirtualClock clock = VirtualClock.startingAt(START);
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start()) {
            emulator.script("anthropic").enqueue(UpstreamResponse.builder().status(503)
                    .header("retry-after", "Wed, 01 Apr 2026 08:00:05 GMT").build());
            emulator.script("anthropic").enqueue(UpstreamResponse.builder().status(503)
                    .header("retry-after", "Wed, 01 Apr 2026 08:00:10 GMT").build());
            AnthropicClient client = AnthropicEmulatorClock
                    .install(AnthropicOkHttpClient.builder(), emulator.emulatorClock())
                    .baseUrl(emulator.providerUrl("default", "anthropic"))
                    .apiKey("sk-ant-test")
                    .putHeader("cf-aig-authorization", "Bearer " + emulator.apiToken())
                    .maxRetries(2)
                    .build();

            Message message = client.messages().create(MessageCreateParams.builder()
                    .model(Model.CLAUDE_SONNET_4_5).maxTokens(64).addUserMessage("Hello").build());

            assertThat(message.content()).isNotEmpty();
            assertThat(emulator.recordedRequests())
                    .extracting(attempt -> Duration.between(START, attempt.at()).toMillis())
                    .containsExactly(0L, 5_000L, 10_000L);
            assertThat(clock.now()).isEqualTo(START.plusSeconds(10));
        }
    }

    @Test
    void aSleepOnAManualClockEndsWhenTheClockIsAdvanced() throws Exception {
        VirtualClock clock = VirtualClock.manual();
        try (Sleeper sleeper = AnthropicEmulatorClock.sleeper(clock)) {
            CompletableFuture<Void> blocking = CompletableFuture.runAsync(() -> sleeper.sleep(Duration.ofSeconds(3)));
            CompletableFuture<Void> async = sleeper.sleepAsync(Duration.ofSeconds(5));
            clock.awaitWaiters(2, Duration.ofSeconds(5));

            clock.advance(Duration.ofSeconds(3));
            blocking.get(5, TimeUnit.SECONDS);
            assertThat(async).isNotDone();

            clock.advance(Duration.ofSeconds(2));
            async.get(5, TimeUnit.SECONDS);
        }
    }
}
