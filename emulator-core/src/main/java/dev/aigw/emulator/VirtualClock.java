package dev.aigw.emulator;

import dev.aigw.emulator.internal.time.Waiters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Time that a test controls, so a test of retries, timeouts or TTLs runs in milliseconds and asserts
 * exact instants.
 *
 * <ul>
 *   <li>{@link ClockMode#AUTO} (the default): a wait jumps time to its end at once. A five-attempt exponential
 *       backoff with a 5 s base delay completes at once, and its timeline shows gaps of 5, 10, 20 and 40 s.
 *       Exact for one request at a time; concurrent waits each move time to their own end.</li>
 *   <li>{@link ClockMode#MANUAL}: waits block until the test {@link #advance(Duration) advances} time past their
 *       end; {@link #awaitWaiters(int, Duration)} lets the test wait until requests are parked, to assert
 *       what a client sees mid-backoff or mid-timeout without races.</li>
 * </ul>
 *
 * <p>A wait for outside work without a timeout, or for a real upstream in auto mode, never moves time: it
 * waits for the work itself. Thread-safe; one clock may serve several emulators. It is also the
 * {@link ClockControl} an in-process emulator's {@link AiGatewayEmulator#clock()} returns.
 */
public final class VirtualClock implements EmulatorClock, ClockControl {

    /** The instant a virtual clock starts at unless told otherwise: 2026-01-01T00:00:00Z. */
    // In seconds rather than parsed: parsing sets up java.time's formatters, which cost a fresh JVM's cold start.
    public static final Instant DEFAULT_START = Instant.ofEpochSecond(1_767_225_600L);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // Written under the lock, read without it: now() is called several times by every request.
    private volatile Instant now;
    private volatile ClockMode mode;
    private final List<Parked> parked = new ArrayList<>();

    private VirtualClock(Instant start, ClockMode mode) {
        this.now = start;
        this.mode = mode;
    }

    /** Creates an auto-advancing virtual clock at {@link #DEFAULT_START}. */
    public static VirtualClock create() {
        return new VirtualClock(DEFAULT_START, ClockMode.AUTO);
    }

    /** Creates an auto-advancing virtual clock at the given instant. */
    public static VirtualClock startingAt(Instant start) {
        return new VirtualClock(Objects.requireNonNull(start, "start"), ClockMode.AUTO);
    }

    /** Creates a manual virtual clock at {@link #DEFAULT_START}: waits block until {@link #advance}. */
    public static VirtualClock manual() {
        return new VirtualClock(DEFAULT_START, ClockMode.MANUAL);
    }

    @Override
    public Instant now() {
        return now;
    }

    /** Returns how waits behave now: {@link ClockMode#AUTO} or {@link ClockMode#MANUAL}. */
    @Override
    public ClockMode mode() {
        return mode;
    }

    /**
     * Switches how waits behave; switching to auto lets every parked wait end at its own end time.
     *
     * @throws IllegalArgumentException if {@code newMode} is {@link ClockMode#SYSTEM}
     */
    @Override
    public void setMode(ClockMode newMode) {
        if (Objects.requireNonNull(newMode, "mode") == ClockMode.SYSTEM) {
            throw new IllegalArgumentException("a virtual clock is in ClockMode.AUTO or ClockMode.MANUAL; for real"
                    + " time, build the emulator with EmulatorClock.system() instead");
        }
        lock.lock();
        try {
            mode = newMode;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Moves time forward by a non-negative amount, wakes the waits that are due, and returns the new instant. */
    @Override
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("virtual time only moves forward; got " + amount);
        }
        lock.lock();
        try {
            now = now.plus(amount);
            changed.signalAll();
            return now;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns how many threads are blocked in a wait on this clock that still holds them: a wait that time or its
     * work has already ended stops counting at once, before its thread runs again. So right after
     * {@link #advance(Duration)} wakes a request, it is not counted until it parks in its next wait.
     */
    @Override
    public int waiters() {
        lock.lock();
        try {
            return holding();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the earliest instant at which a wait that holds a thread now ends on its own, if any: the end of a
     * sleep, or in manual mode the timeout of a wait for outside work. Advancing time to it wakes that wait.
     */
    @Override
    public Optional<Instant> nextWakeUp() {
        lock.lock();
        try {
            Instant earliest = null;
            for (Parked wait : parked) {
                Instant wakeUp = wait.wakeUp(mode);
                if (wait.holds(now, mode) && wakeUp != null && (earliest == null || wakeUp.isBefore(earliest))) {
                    earliest = wakeUp;
                }
            }
            return Optional.ofNullable(earliest);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks until at least {@code count} {@linkplain #waiters() waiters} are held on this clock, for at most
     * {@code realTimeout} of real time, so that a wrong test fails instead of hanging. Since a woken wait stops
     * counting at once, {@code advance} then {@code awaitWaiters(1, ..)} waits for the request to park again (in
     * its next backoff, say), never for the wait that was just ended.
     *
     * @throws IllegalStateException if fewer waiters are held when the real-time timeout ends
     */
    @Override
    public void awaitWaiters(int count, Duration realTimeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = realTimeout.toNanos();
            while (holding() < count) {
                if (nanos <= 0) {
                    throw new IllegalStateException(Waiters.tooFew(count, realTimeout, holding(), mode));
                }
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot wait a negative duration: " + duration);
        }
        lock.lock();
        try {
            Instant end = now.plus(duration);
            if (mode == ClockMode.AUTO) {
                jumpTo(end);
                return;
            }
            Parked wait = park(end, null);
            try {
                while (wait.holds(now, mode)) {
                    changed.await();
                }
                // Switched to auto while parked: the sleep ends at its own end.
                jumpTo(end);
            } finally {
                unpark(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean await(CompletableFuture<?> work, Duration timeout) throws InterruptedException {
        if (work.isDone()) {
            return true;
        }
        work.whenComplete((result, failure) -> signal());
        lock.lock();
        try {
            Parked wait = park(timeout == null ? null : now.plus(timeout), work);
            try {
                while (wait.holds(now, mode)) {
                    changed.await();
                }
                return work.isDone();
            } finally {
                unpark(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    private Parked park(Instant end, CompletableFuture<?> work) {
        Parked wait = new Parked(end, work);
        parked.add(wait);
        changed.signalAll();
        return wait;
    }

    private void unpark(Parked wait) {
        parked.remove(wait);
        changed.signalAll();
    }

    private int holding() {
        int holding = 0;
        for (Parked wait : parked) {
            if (wait.holds(now, mode)) {
                holding++;
            }
        }
        return holding;
    }

    private void jumpTo(Instant end) {
        if (end.isAfter(now)) {
            now = end;
            changed.signalAll();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "VirtualClock[" + now() + ", " + mode.name().toLowerCase(Locale.ROOT) + "]";
    }

    /**
     * One thread's wait: a sleep until {@code end}, or a wait for {@code work} that times out at {@code end}
     * (none when {@code null}). Identity matters: two waits with the same end are two waiters.
     */
    private static final class Parked {

        private final Instant end;
        private final CompletableFuture<?> work;

        Parked(Instant end, CompletableFuture<?> work) {
            this.end = end;
            this.work = work;
        }

        /** Tells whether this wait still holds its thread: the same test its thread makes when it wakes. */
        boolean holds(Instant now, ClockMode mode) {
            if (work == null) {
                return mode == ClockMode.MANUAL && now.isBefore(end);
            }
            return !work.isDone() && (end == null || mode == ClockMode.AUTO || now.isBefore(end));
        }

        /** Returns when time alone ends this wait, or {@code null} if it does not. */
        Instant wakeUp(ClockMode mode) {
            return work == null || mode == ClockMode.MANUAL ? end : null;
        }
    }
}
