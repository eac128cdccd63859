package dev.aigw.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Controls an emulator's time from a test: reads it, switches between {@link ClockMode#AUTO} and
 * {@link ClockMode#MANUAL}, advances it, and waits until requests are parked on it. {@link Emulator#clock()}
 * returns it, in-process (a {@link VirtualClock}) and over HTTP alike.
 *
 * <p>On the system clock ({@link ClockMode#SYSTEM}) time can only be read: {@link #setMode}, {@link #advance} and
 * {@link #awaitWaiters} throw {@link IllegalStateException}. Thread-safe.
 */
public interface ClockControl {

    /** Returns the clock's current instant. */
    Instant now();

    /** Returns how the clock behaves now. */
    ClockMode mode();

    /**
     * Switches a virtual clock between {@link ClockMode#AUTO} and {@link ClockMode#MANUAL}; switching to auto lets
     * every parked wait end at its own end time.
     *
     * @throws IllegalArgumentException if {@code mode} is {@link ClockMode#SYSTEM}
     * @throws IllegalStateException if the emulator runs on the system clock
     */
    void setMode(ClockMode mode);

    /**
     * Moves a virtual clock forward by a non-negative amount, wakes the waits that are due, and returns the new
     * instant.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     * @throws IllegalStateException if the emulator runs on the system clock
     */
    Instant advance(Duration amount);

    /**
     * Returns how many requests are blocked in a wait on the clock that still holds them; always 0 on the system
     * clock. A wait that time or its work has already ended stops counting at once.
     */
    int waiters();

    /**
     * Returns the earliest instant at which a wait that holds a request now ends on its own, if any: advancing
     * time to it wakes that wait. Always empty on the system clock.
     */
    Optional<Instant> nextWakeUp();

    /**
     * Blocks until at least {@code count} {@linkplain #waiters() waiters} are held on the clock, for at most
     * {@code realTimeout} of real time, so that a wrong test fails instead of hanging.
     *
     * @throws IllegalStateException if fewer waiters are held when the real-time timeout ends, or if the emulator
     *     runs on the system clock
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    void awaitWaiters(int count, Duration realTimeout) throws InterruptedException;
}
