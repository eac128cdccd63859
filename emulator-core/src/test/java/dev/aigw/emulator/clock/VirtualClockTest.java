package dev.aigw.emulator.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class VirtualClockTest {

    private static final Instant START = Instant.parse("2026-05-01T12:00:00Z");
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aNewClockStartsAtTheFirstSecondOf2026() {
        assertThat(VirtualClock.create().now()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"))
                .isEqualTo(VirtualClock.DEFAULT_START);
    }

    @Test
    void inAutoModeASleepJumpsTimeToItsEndAtOnce() throws Exception {
        VirtualClock clock = VirtualClock.startingAt(START);

        clock.sleep(Duration.ofSeconds(40));

        assertThat(clock.now()).isEqualTo(START.plusSeconds(40));
        assertThat(clock.mode()).isEqualTo(ClockMode.AUTO);
    }

    @Test
    void inManualModeASleepBlocksUntilTimeIsAdvancedPastItsEnd() throws Exception {
        VirtualClock clock = VirtualClock.manual();
        Instant start = clock.now();
        Future<Instant> sleeper = threads.submit(() -> {
            clock.sleep(Duration.ofSeconds(5));
            return clock.now();
        });

        clock.awaitWaiters(1, Duration.ofSeconds(5));
        clock.advance(Duration.ofSeconds(4));
        assertThat(sleeper.isDone()).isFalse();
        assertThat(clock.waiters()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(sleeper.get(5, TimeUnit.SECONDS)).isEqualTo(start.plusSeconds(5));
        assertThat(clock.waiters()).isZero();
    }

    @Test
    void switchingToAutoReleasesParkedSleepsAtTheirOwnEnd() throws Exception {
        VirtualClock clock = VirtualClock.manual();
        Instant start = clock.now();
        Future<?> sleeper = threads.submit(() -> {
            clock.sleep(Duration.ofMinutes(3));
            return null;
        });
        clock.awaitWaiters(1, Duration.ofSeconds(5));

        clock.setMode(ClockMode.AUTO);

        assertThat(clock.waiters()).as("released, whether or not its thread has run yet").isZero();
        assertThat(clock.nextWakeUp()).isEmpty();
        sleeper.get(5, TimeUnit.SECONDS);
        assertThat(clock.now()).isEqualTo(start.plusSeconds(180));
    }

    @Test
    void aVirtualClockCannotBeSwitchedToTheSystemMode() {
        VirtualClock clock = VirtualClock.manual();

        assertThatThrownBy(() -> clock.setMode(ClockMode.SYSTEM)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a virtual clock is in ClockMode.AUTO or ClockMode.MANUAL; for real time, build the"
                        + " emulator with EmulatorClock.system() instead");
        assertThat(clock.mode()).isEqualTo(ClockMode.MANUAL);
    }

    @Test
    void awaitReturnsWhenTheWorkCompletesWithoutMovingTime() throws Exception {
        VirtualClock clock = VirtualClock.startingAt(START);
        CompletableFuture<String> work = new CompletableFuture<>();
        Future<Boolean> waiter = threads.submit(() -> clock.await(work, Duration.ofSeconds(30)));
        clock.awaitWaiters(1, Duration.ofSeconds(5));

        work.complete("done");

        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(clock.now()).isEqualTo(START);
    }

    @Test
    void inManualModeAwaitTimesOutWhenTimeIsAdvancedPastTheTimeout() throws Exception {
        VirtualClock clock = VirtualClock.manual();
        Future<Boolean> waiter = threads.submit(() -> clock.await(new CompletableFuture<>(), Duration.ofSeconds(2)));
        clock.awaitWaiters(1, Duration.ofSeconds(5));

        clock.advance(Duration.ofSeconds(2));

        assertThat(waiter.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aSleepIsInterruptible() throws Exception {
        VirtualClock clock = VirtualClock.manual();
        Future<?> sleeper = threads.submit(() -> {
            clock.sleep(Duration.ofDays(1));
            return null;
        });
        clock.awaitWaiters(1, Duration.ofSeconds(5));

        sleeper.cancel(true);

        threads.shutdown();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(clock.waiters()).isZero();
    }

    @Test
    void waitingForWaitersFailsAfterItsRealTimeoutWithAHelpfulMessage() {
        VirtualClock clock = VirtualClock.create();

        assertThatThrownBy(() -> clock.awaitWaiters(1, Duration.ofMillis(50)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected 1 waiter(s)")
                .hasMessageContaining("within 50 ms of real time")
                .hasMessageContaining("it is in auto mode");
    }

    @Test
    void aWokenSleepStopsCountingAtOnceSoTheNextAwaitWaitsForTheNextPark() throws Exception {
        VirtualClock clock = VirtualClock.manual();
        Instant start = clock.now();
        CountDownLatch betweenSleeps = new CountDownLatch(1);
        Future<?> backoff = threads.submit(() -> {
            clock.sleep(Duration.ofSeconds(5));
            betweenSleeps.await();
            clock.sleep(Duration.ofSeconds(10));
            return null;
        });
        clock.awaitWaiters(1, Duration.ofSeconds(5));
        assertThat(clock.nextWakeUp()).contains(start.plusSeconds(5));

        clock.advance(Duration.ofSeconds(5));

        assertThat(clock.waiters()).as("woken, whether or not its thread has run yet").isZero();
        assertThat(clock.nextWakeUp()).isEmpty();
        betweenSleeps.countDown();
        clock.awaitWaiters(1, Duration.ofSeconds(5));
        assertThat(clock.nextWakeUp()).contains(start.plusSeconds(15));
        clock.advance(Duration.ofSeconds(10));
        backoff.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theNextWakeUpIsTheEarliestEndOfTheParkedWaits() throws Exception {
        VirtualClock clock = VirtualClock.manual();
        Instant start = clock.now();
        assertThat(clock.nextWakeUp()).isEmpty();
        threads.submit(() -> {
            clock.sleep(Duration.ofSeconds(30));
            return null;
        });
        threads.submit(() -> clock.await(new CompletableFuture<>(), Duration.ofSeconds(2)));
        threads.submit(() -> clock.await(new CompletableFuture<>(), null));

        clock.awaitWaiters(3, Duration.ofSeconds(5));

        assertThat(clock.nextWakeUp()).contains(start.plusSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        assertThat(clock.waiters()).as("the timed-out wait no longer counts").isEqualTo(2);
        assertThat(clock.nextWakeUp()).contains(start.plusSeconds(30));
    }

    @Test
    void aWaitForWorkStopsCountingWhenTheWorkCompletes() throws Exception {
        VirtualClock clock = VirtualClock.manual();
        CompletableFuture<String> work = new CompletableFuture<>();
        Future<Boolean> waiter = threads.submit(() -> clock.await(work, null));
        clock.awaitWaiters(1, Duration.ofSeconds(5));
        assertThat(clock.nextWakeUp()).as("only the work ends this wait").isEmpty();

        work.complete("done");

        assertThat(clock.waiters()).isZero();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void timeNeverMovesBackward() {
        VirtualClock clock = VirtualClock.create();

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only moves forward");
    }

    @Test
    void theJavaClockViewReadsVirtualTime() {
        VirtualClock clock = VirtualClock.startingAt(START);
        clock.advance(Duration.ofMillis(1500));

        assertThat(clock.asJavaClock().instant()).isEqualTo(START.plusMillis(1500));
        assertThat(clock.asJavaClock().millis()).isEqualTo(START.plusMillis(1500).toEpochMilli());
    }
}
