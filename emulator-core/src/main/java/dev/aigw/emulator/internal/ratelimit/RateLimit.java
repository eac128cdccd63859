package dev.aigw.emulator.internal.ratelimit;

import dev.aigw.emulator.internal.gateway.Gateway;
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
        SLIDING
    }

    /** Validates the components. */
    public RateLimit {
        if (limit < 1 || intervalSeconds < 1) {
            throw new IllegalArgumentException("limit and interval must be >= 1, got " + limit + " per "
                    + intervalSeconds + " s");
        }
    }

    /** Returns the gateway's limit, or empty when limit or interval is null or 0 (rate limiting off). */
    public static Optional<RateLimit> of(Gateway gateway) {
        long limit = gateway.setting("rate_limiting_limit").map(n -> n.asLong()).orElse(0L);
        long interval = gateway.setting("rate_limiting_interval").map(n -> n.asLong()).orElse(0L);
        if (limit < 1 || interval < 1) {
            return Optional.empty();
        }
        boolean sliding = gateway.setting("rate_limiting_technique").map(n -> n.asText()).orElse("fixed")
                .equals("sliding");
        return Optional.of(new RateLimit(limit, interval, sliding ? Technique.SLIDING : Technique.FIXED));
    }
}
