package dev.aigw.emulator.internal.gateway;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Retry parameters as one source sets them (a gateway's Retry Requests settings, or a request's
 * {@code cf-aig-*} headers): each one absent when that source leaves it to the next (proxy.md 4.1).
 *
 * @param maxAttempts total attempts, first included (1..{@value #MAX_ATTEMPTS})
 * @param delayMillis the base delay in milliseconds (0..{@value #MAX_DELAY_MILLIS})
 * @param backoff how the delay grows
 */
public record Retries(OptionalInt maxAttempts, OptionalLong delayMillis, Optional<Backoff> backoff) {

    /** The most attempts a request may make: the first and four retries. */
    public static final int MAX_ATTEMPTS = 5;
    /** The longest base delay, in milliseconds. */
    public static final long MAX_DELAY_MILLIS = 5000;

    /** Sets nothing. */
    public static final Retries NONE = new Retries(OptionalInt.empty(), OptionalLong.empty(), Optional.empty());
}
