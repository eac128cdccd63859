package dev.aigw.emulator.sdk;

import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Sleeper;
import dev.aigw.emulator.EmulatorClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Puts openai-java on an emulator's clock: the SDK's retry backoff waits on the emulator's time (at once on an
 * auto virtual clock, until {@code advance} on a manual one) and reads it for {@code Retry-After}, on the same
 * timeline as the gateway's own retries.
 *
 * <pre>{@code
 * OpenAIClient client = OpenAiEmulatorClock.install(OpenAIOkHttpClient.builder(), emulator.emulatorClock())
 *         .baseUrl(emulator.providerUrl("my-gateway", "openai"))
 *         .apiKey("sk-test")
 *         .build();
 * }</pre>
 */
public final class OpenAiEmulatorClock {

    private OpenAiEmulatorClock() {
    }

    /** Sets the builder's sleeper and clock to the emulator's clock; returns the builder. */
    public static OpenAIOkHttpClient.Builder install(OpenAIOkHttpClient.Builder builder, EmulatorClock clock) {
        return builder.sleeper(sleeper(clock)).clock(clock.asJavaClock());
    }

    /** Returns a sleeper that waits on {@code clock}; closing it stops the threads of pending asynchronous waits. */
    public static Sleeper sleeper(EmulatorClock clock) {
        ClockSleeps sleeps = new ClockSleeps(clock, "openai-emulator-sleeper");
        return new Sleeper() {
            @Override
            public void sleep(Duration duration) {
                sleeps.sleep(duration);
            }

            @Override
            public CompletableFuture<Void> sleepAsync(Duration duration) {
                return sleeps.sleepAsync(duration);
            }

            @Override
            public void close() {
                sleeps.close();
            }
        };
    }
}
