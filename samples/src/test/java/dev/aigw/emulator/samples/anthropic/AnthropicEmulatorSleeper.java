package dev.aigw.emulator.samples.anthropic;

import com.anthropic.core.Sleeper;
import dev.aigw.emulator.EmulatorClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Makes anthropic-java wait on an emulator's clock: give it to {@code AnthropicOkHttpClient.builder().sleeper(..)}
 * (with {@code .clock(emulator.clock().asJavaClock())}) and the SDK's retry backoff runs on the emulator's
 * virtual time, on the same timeline as the gateway's own retries.
 */
public final class AnthropicEmulatorSleeper implements Sleeper {

    private final EmulatorClock clock;
    private final ExecutorService asyncSleeps = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "anthropic-emulator-sleeper");
        thread.setDaemon(true);
        return thread;
    });

    /** Creates a sleeper that waits on {@code clock}. */
    public AnthropicEmulatorSleeper(EmulatorClock clock) {
        this.clock = clock;
    }

    /** Blocks until {@code duration} of the emulator's time has passed (at once on an auto virtual clock). */
    @Override
    public void sleep(Duration duration) {
        try {
            clock.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting " + duration + " on the emulator's clock", e);
        }
    }

    /** Returns a future that completes once {@code duration} of the emulator's time has passed. */
    @Override
    public CompletableFuture<Void> sleepAsync(Duration duration) {
        return CompletableFuture.runAsync(() -> sleep(duration), asyncSleeps);
    }

    /** Stops the threads of pending asynchronous waits. */
    @Override
    public void close() {
        asyncSleeps.shutdownNow();
    }
}
