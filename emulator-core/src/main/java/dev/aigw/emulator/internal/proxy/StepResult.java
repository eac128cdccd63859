package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.cache.CacheStatus;

/**
 * What a step ended with and how the cache took part in it.
 *
 * @param result the reply (from upstream or the cache) or the failure
 * @param cacheStatus {@link CacheStatus#HIT} when the reply came from the cache
 */
public record StepResult(AttemptResult result, CacheStatus cacheStatus) {

    /** Returns a result the cache took no part in. */
    public static StepResult of(AttemptResult result) {
        return new StepResult(result, CacheStatus.NONE);
    }

    /** Tells whether the step produced a 2xx reply. */
    public boolean succeeded() {
        return result instanceof AttemptResult.Replied replied && replied.reply().isSuccess();
    }
}
