package dev.aigw.emulator.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Sleeper;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One call puts openai-java's retry backoff on the emulator's virtual time. */
@Timeout(30)
class OpenAiEmulatorClockTest {

    private static final Instant START = Instant.parse("2026-04-01T08:00:00Z");

    @Test
    void theSdksRetriesWaitTheProvidersRetryAfterOnTheVirtualClock() {
        VirtualClock clock = VirtualClock.startingAt(START);
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start()) {
            emulator.script("openai").enqueue(UpstreamResponse.builder().status(503)
                    .header("retry-after", "Wed, 01 Apr 2026 08:00:05 GMT").build());
            emulator.script("openai").enqueue(UpstreamResponse.builder().status(503)
                    .header("retry-after", "Wed, 01 Apr 2026 08:00:10 GMT").build());
            OpenAIClient client = OpenAiEmulatorClock.install(OpenAIOkHttpClient.builder(), emulator.emulatorClock())
                    .baseUrl(emulator.providerUrl("default", "openai"))
                    .apiKey("sk-test")
                    .putHeader("cf-aig-authorization", "Bearer " + emulator.apiToken())
                    .maxRetries(2)
                    .build();

            ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                    .model(ChatModel.GPT_4O_MINI).addUserMessage("Hello").build());

            assertThat(completion.choices().get(0).message().content()).isPresent();
            assertThat(emulator.recordedRequests())
                    .extracting(attempt -> Duration.between(START, attempt.at()).toMillis())
                    .containsExactly(0L, 5_000L, 10_000L);
            assertThat(clock.now()).isEqualTo(START.plusSeconds(10));
        }
    }

    @Test
    void aSleepOnAManualClockEndsWhenTheClockIsAdvanced() throws Exception {
        VirtualClock clock = VirtualClock.manual();
        try (Sleeper sleeper = OpenAiEmulatorClock.sleeper(clock)) {
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
