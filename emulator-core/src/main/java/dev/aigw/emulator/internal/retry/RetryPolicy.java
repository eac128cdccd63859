package dev.aigw.emulator.internal.retry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.gateway.Gateway;
import dev.aigw.emulator.internal.proxy.GatewayHeaders;
import java.time.Duration;
import java.util.Set;

/**
 * How many attempts one upstream call gets and how long to wait between them. Each parameter comes from
 * the first source that sets it (proxy.md 4.1): the step's config or the request headers (already merged
 * in {@link GatewayHeaders}), then the gateway's Retry Requests settings, then 1 attempt, 0 ms, constant.
 *
 * @param maxAttempts total attempts, first included (1..5; 1 = no retry)
 * @param baseDelayMillis the base delay {@code d}
 * @param backoff how the delay grows
 */
public record RetryPolicy(int maxAttempts, long baseDelayMillis, Backoff backoff) {

    /** Upstream statuses that are retried, besides failures with no HTTP response (proxy.md 4.4). */
    public static final Set<Integer> RETRYABLE_STATUSES = Set.of(429);

    public static final RetryPolicy NONE = new RetryPolicy(1, 0, Backoff.CONSTANT);

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > GatewayHeaders.MAX_ATTEMPTS) {
            throw new IllegalArgumentException("maxAttempts must be from 1 to 5, got " + maxAttempts);
        }
        if (baseDelayMillis < 0 || baseDelayMillis > GatewayHeaders.MAX_RETRY_DELAY_MILLIS) {
            throw new IllegalArgumentException("baseDelayMillis must be from 0 to 5000, got " + baseDelayMillis);
        }
    }

    /** Resolves the policy of one call from its settings and its gateway. */
    public static RetryPolicy resolve(GatewayHeaders settings, Gateway gateway) {
        int attempts = settings.maxAttempts().isPresent() ? settings.maxAttempts().getAsInt()
                : gateway.setting("retry_max_attempts").map(JsonNode::intValue).orElse(1);
        long delay = settings.retryDelayMillis().isPresent() ? settings.retryDelayMillis().getAsLong()
                : gateway.setting("retry_delay").map(JsonNode::longValue).orElse(0L);
        Backoff backoff = settings.backoff().flatMap(Backoff::parse)
                .or(() -> gateway.setting("retry_backoff").map(JsonNode::textValue).flatMap(Backoff::parse))
                .orElse(Backoff.CONSTANT);
        return new RetryPolicy(attempts, delay, backoff);
    }

    /** Returns the wait before retry {@code retry} (1 = before the second attempt). */
    public Duration delayBeforeRetry(int retry) {
        return Duration.ofMillis(backoff.delayMillis(baseDelayMillis, retry));
    }

    /** Tells whether an upstream status is retried: 429 and every 5xx. */
    public static boolean isRetryableStatus(int status) {
        return status >= 500 || RETRYABLE_STATUSES.contains(status);
    }
}
