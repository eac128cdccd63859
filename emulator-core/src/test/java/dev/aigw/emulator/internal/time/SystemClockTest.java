package dev.aigw.emulator.internal.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SystemClockTest {

    private final SystemClock clock = SystemClock.INSTANCE;

    @Test
    void awaitIsTrueOnceTheWorkEndsWhetherItSucceedsOrFails() throws Exception {
        CompletableFuture<String> succeeds = new CompletableFuture<>();
        CompletableFuture<String> fails = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            succeeds.complete("done");
            fails.completeExceptionally(new IllegalStateException("the work's own failure"));
        });

        assertThat(clock.await(succeeds, Duration.ofSeconds(5))).isTrue();
        assertThat(clock.await(fails, null)).isTrue();
        assertThat(clock.await(CompletableFuture.completedFuture("x"), Duration.ZERO)).isTrue();
    }

    @Test
    void aTimeoutBeyondWhatNanosecondsHoldIsAWaitThatEndsWithTheWork() throws Exception {
        CompletableFuture<String> work = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(20, java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> work.complete("done"));

        assertThat(SystemClock.INSTANCE.await(work, Duration.ofDays(365L * 1000 * 1000))).isTrue();
        assertThat(SystemClock.INSTANCE.await(CompletableFuture.completedFuture(1), Duration.ofSeconds(Long.MAX_VALUE)))
                .isTrue();
    }

    @Test
    void awaitIsFalseWhenTheTimeoutPassesFirst() throws Exception {
        assertThat(clock.await(new CompletableFuture<>(), Duration.ofMillis(20))).isFalse();
        assertThat(clock.await(new CompletableFuture<>(), Duration.ZERO)).isFalse();
    }

    @Test
    void anInterruptEndsAWaitWithoutLimit() throws Exception {
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                clock.await(new CompletableFuture<>(), null);
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        waiter.start();
        waiter.interrupt();
        waiter.join();

        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> clock.await(new CompletableFuture<>(), Duration.ofSeconds(5)))
                .isInstanceOf(InterruptedException.class);
    }
}
