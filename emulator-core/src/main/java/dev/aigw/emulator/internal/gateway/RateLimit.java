package dev.aigw.emulator.internal.gateway;

import java.util.Optional;

/**
 * A gateway's rate limit (proxy.md 6.1): at most {@code limit} requests per {@code intervalSeconds}, counted
 * in fixed or sliding windows.
 *
 * @param limit the number of requests allowed per window, at least 1
 * @param intervalSeconds the window length in seconds, at least 1
 * @param technique how windows are laid on the clock
 */
public record RateLimit(long limit, long intervalSeconds, Technique technique) {

    /** How a window is laid on the clock. */
    public enum Technique {
        /** Consecutive windows aligned to the epoch: window start = floor(epochSeconds / interval) * interval. */
        FIXED,
        /** An exact sliding log: a request passes when fewer than {@code limit} passed in the interval before it. */
        SLIDING;

        /** Reads a technique as the API spells it ({@code fixed}, {@code sliding}); anything else is fixed. */
        static Technique parse(String name) {
            return name.equals("sliding") ? SLIDING : FIXED;
        }
    }

    /** Validates the components. */
    public RateLimit {
        if (limit < 1 || intervalSeconds < 1) {
            throw new IllegalArgumentException("limit and interval must be >= 1, got " + limit + " per "
                    + intervalSeconds + " s");
        }
    }

    /** Returns the limit of these settings, or empty when limit or interval is below 1 (rate limiting off). */
    static Optional<RateLimit> of(long limit, long intervalSeconds, Technique technique) {
        return limit < 1 || intervalSeconds < 1 ? Optional.empty()
                : Optional.of(new RateLimit(limit, intervalSeconds, technique));
    }
}
