package dev.aigw.emulator.sdk;

import dev.aigw.emulator.EmulatorClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The waits both SDKs' sleepers make: on the emulator's clock, blocking or on a daemon thread of their own. */
final class ClockSleeps implements AutoCloseable {

    private final EmulatorClock clock;
    private final ExecutorService asyncSleeps;

    ClockSleeps(EmulatorClock clock, String threadName) {
        this.clock = clock;
        this.asyncSleeps = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    void sleep(Duration duration) {
        try {
            clock.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting " + duration + " on the emulator's clock", e);
        }
    }

    CompletableFuture<Void> sleepAsync(Duration duration) {
        return CompletableFuture.runAsync(() -> sleep(duration), asyncSleeps);
    }

    @Override
    public void close() {
        asyncSleeps.shutdownNow();
    }
}
