package dev.aigw.emulator.internal.time;

import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.EmulatorClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/** Real time. The one class of emulator-core that reads the machine's clock and waits in real time. */
public final class SystemClock implements EmulatorClock {

    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    /** The one instance: it holds no state. */
    public static final SystemClock INSTANCE = new SystemClock();

    private final Clock utc = Clock.systemUTC();

    private SystemClock() {
    }

    @Override
    public Instant now() {
        return utc.instant();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + nanos(duration);
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting " + duration);
            }
        }
    }

    @Override
    public boolean await(CompletableFuture<?> work, Duration timeout) throws InterruptedException {
        // Only whether the work ends matters here; how it ends is for whoever holds it.
        Thread waiter = Thread.currentThread();
        work.whenComplete((value, failure) -> LockSupport.unpark(waiter));
        long deadline = timeout == null ? 0 : System.nanoTime() + nanos(timeout);
        while (!work.isDone()) {
            if (timeout == null) {
                LockSupport.park(this);
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, left);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for work");
            }
        }
        return true;
    }

    @Override
    public ClockMode mode() {
        return ClockMode.SYSTEM;
    }

    @Override
    public String toString() {
        return "SystemClock";
    }

    /**
     * Returns the duration in nanoseconds, at most {@code Long.MAX_VALUE} (292 years): deadlines are compared by
     * difference, which stays right when the sum with {@code nanoTime} wraps, but toNanos() itself would throw.
     */
    private static long nanos(Duration duration) {
        return duration.compareTo(LONGEST) >= 0 ? Long.MAX_VALUE : duration.toNanos();
    }
}
