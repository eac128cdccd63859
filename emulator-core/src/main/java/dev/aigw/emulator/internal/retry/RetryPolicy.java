package dev.aigw.emulator.internal.retry;

import dev.aigw.emulator.internal.gateway.Backoff;
import dev.aigw.emulator.internal.gateway.Retries;
import java.time.Duration;
import java.util.Set;

/**
 * How many attempts one upstream call gets and how long to wait between them. Each parameter comes from
 * the first source that sets it (proxy.md 4.1): the step's config or the request headers (already merged
 * into one {@link Retries}), then the gateway's Retry Requests settings, then 1 attempt, 0 ms, constant.
 *
 * @param maxAttempts total attempts, first included (1..5; 1 = no retry)
 * @param baseDelayMillis the base delay {@code d}, never capped here: a header's is at most 5000 ms already, a
 *        gateway's {@code retry_delay} up to 60000 ms is waited as stored (management-api-2.md Q-2, decided by
 *        issue 19: a stored value never fails a request)
 * @param backoff how the delay grows
 */
public record RetryPolicy(int maxAttempts, long baseDelayMillis, Backoff backoff) {

    /** Upstream statuses that are retried, besides failures with no HTTP response (proxy.md 4.4). */
    public static final Set<Integer> RETRYABLE_STATUSES = Set.of(429);

    public static final RetryPolicy NONE = new RetryPolicy(1, 0, Backoff.CONSTANT);

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > Retries.MAX_ATTEMPTS) {
            throw new IllegalArgumentException("maxAttempts must be from 1 to 5, got " + maxAttempts);
        }
        if (baseDelayMillis < 0) {
            throw new IllegalArgumentException("baseDelayMillis must not be negative, got " + baseDelayMillis);
        }
    }

    /** Resolves the policy of one call from what its request sets and what its gateway sets. */
    public static RetryPolicy resolve(Retries request, Retries gateway) {
        int attempts = request.maxAttempts().orElse(gateway.maxAttempts().orElse(1));
        long delay = request.delayMillis().orElse(gateway.delayMillis().orElse(0));
        Backoff backoff = request.backoff().or(gateway::backoff).orElse(Backoff.CONSTANT);
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
