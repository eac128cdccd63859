package dev.aigw.emulator.samples.timeline;

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
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.junit5.AiGatewayTest;
import dev.aigw.emulator.junit5.Provider;
import dev.aigw.emulator.sdk.OpenAiEmulatorClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The SDK's retries and the gateway's retries on one virtual timeline. The gateway makes three attempts per SDK
 * request (at +0, +1 s and +3 s); the provider is overloaded and names the date to come back at
 * ({@code Retry-After} as an HTTP date), which openai-java reads against its {@code clock} and waits for with its
 * {@code sleeper}: both are the emulator's, so the whole schedule is exact to the millisecond.
 */
@Timeout(30)
@AiGatewayTest(startAt = "2026-04-01T08:00:00Z")
class OpenAiSharedTimelineTest {

    private static final Instant START = Instant.parse("2026-04-01T08:00:00Z");

    @Test
    void twoSdkRetriesWrapSixGatewayAttempts(AiGatewayEmulator emulator, VirtualClock clock,
                                             @Provider("openai") ProviderScript openai) {
        emulator.createGateway("my-gateway", GatewaySettings.builder()
                .retryMaxAttempts(3)
                .retryDelay(Duration.ofSeconds(1))
                .retryBackoff(GatewaySettings.Backoff.EXPONENTIAL)
                .build());
        openai.enqueue(UpstreamResponse.builder().status(503)
                .header("retry-after", "Wed, 01 Apr 2026 08:00:05 GMT").build(), 3);
        openai.enqueue(UpstreamResponse.builder().status(503)
                .header("retry-after", "Wed, 01 Apr 2026 08:00:10 GMT").build(), 3);

        OpenAIClient client = OpenAiEmulatorClock.install(OpenAIOkHttpClient.builder(), emulator.emulatorClock())
                .baseUrl(emulator.providerUrl("my-gateway", "openai"))
                .apiKey("sk-test")
                .maxRetries(2)
                .build();

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Hello")
                .build());

        assertThat(completion.choices().get(0).message().content()).isPresent();
        assertThat(emulator.recordedRequests())
                .extracting(attempt -> Duration.between(START, attempt.at()).toMillis())
                .containsExactly(0L, 1_000L, 3_000L, 5_000L, 6_000L, 8_000L, 10_000L);
        assertThat(emulator.recordedRequests())
                .extracting(attempt -> attempt.header("x-stainless-retry-count").orElseThrow())
                .containsExactly("0", "0", "0", "1", "1", "1", "2");
        assertThat(emulator.timelines())
                .extracting(request -> Duration.between(START, request.startedAt()).toMillis())
                .containsExactly(0L, 5_000L, 10_000L);
        assertThat(emulator.timelines()).extracting(Timeline::status).containsExactly(503, 503, 200);
        assertThat(clock.now()).isEqualTo(START.plusSeconds(10));
    }
}
