package dev.aigw.emulator.internal.gateway;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Retry parameters as one source sets them (a gateway's Retry Requests settings, or a request's
 * {@code cf-aig-*} headers): each one absent when that source leaves it to the next (proxy.md 4.1).
 *
 * @param maxAttempts total attempts, first included (1..{@value #MAX_ATTEMPTS})
 * @param delayMillis the base delay in milliseconds (0..{@value #MAX_STORED_DELAY_MILLIS}; a header gives at most
 *        {@value #MAX_DELAY_MILLIS})
 * @param backoff how the delay grows
 */
public record Retries(OptionalInt maxAttempts, OptionalLong delayMillis, Optional<Backoff> backoff) {

    /** The most attempts a request may make: the first and four retries. */
    public static final int MAX_ATTEMPTS = 5;
    /** The longest base delay a {@code cf-aig-retry-delay} header gives, in milliseconds (proxy.md 4.3). */
    public static final long MAX_DELAY_MILLIS = 5000;
    /**
     * The longest base delay the gateway field {@code retry_delay} accepts, in milliseconds: SDK 7.3.0 documents
     * 0..60000 (management-api-2.md 1, Q-2). The data plane waits the stored value uncapped (decision of issue 19).
     */
    public static final long MAX_STORED_DELAY_MILLIS = 60_000;

    /** Sets nothing. */
    public static final Retries NONE = new Retries(OptionalInt.empty(), OptionalLong.empty(), Optional.empty());
}
