package dev.aigw.emulator.samples.recording;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockControl;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.RecordingMode;
import dev.aigw.emulator.RecordingSettings;
import dev.aigw.emulator.junit5.AiGatewayExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAI SDK reads a streamed chat completion replayed from a recording, offline: the recorded 2.3 s to the first
 * token takes 2.3 s of the emulator's virtual time and no real time.
 */
@Timeout(30)
class RecordedOpenAiStreamTest {

    @RegisterExtension
    static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder()
            .clock(ClockMode.MANUAL)
            .gateways("my-gateway")
            .recordings(RecordingSettings.in(Path.of("src/test/resources/recordings"))
                    .mode("openai", RecordingMode.REPLAY)
                    .matchModelAndMessagesOnly()
                    .build())
            .build();

    @Test
    void theSdkGetsTheRecordedStreamWithItsTimeToFirstTokenInVirtualTime() throws Exception {
        AiGatewayEmulator emulator = GATEWAY.emulator();
        ClockControl clock = emulator.clock();
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "openai"))
                .apiKey("sk-test")
                .build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Tell me a story")
                .build();
        Instant start = clock.now();
        List<Instant> chunkTimes = new CopyOnWriteArrayList<>();

        CompletableFuture<String> story = CompletableFuture.supplyAsync(() -> {
            try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
                return stream.stream()
                        .peek(chunk -> chunkTimes.add(clock.now()))
                        .flatMap(chunk -> chunk.choices().stream())
                        .flatMap(choice -> choice.delta().content().stream())
                        .collect(Collectors.joining());
            }
        });
        advanceToNextWait(clock);            // the recorded time to the response head
        advanceToNextWait(clock);            // the recorded time to the first event
        while (chunkTimes.isEmpty() && !story.isDone()) {
            Thread.onSpinWait();
        }
        clock.setMode(ClockMode.AUTO);       // the rest of the stream plays at once

        assertThat(story.get()).isEqualTo("Once upon a time, a gateway replayed a stream.");
        assertThat(Duration.between(start, chunkTimes.get(0))).isEqualTo(Duration.ofMillis(2300));
        assertThat(Duration.between(start, clock.now())).isEqualTo(Duration.ofMillis(2882));
    }

    private static void advanceToNextWait(ClockControl clock) throws InterruptedException {
        clock.awaitWaiters(1, Duration.ofSeconds(10));
        clock.advance(Duration.between(clock.now(), clock.nextWakeUp().orElseThrow()));
    }
}
