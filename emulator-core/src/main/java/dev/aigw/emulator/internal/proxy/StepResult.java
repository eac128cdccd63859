package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.cache.CacheStatus;
import java.util.function.Consumer;

/**
 * What a step ended with and how the cache took part in it.
 *
 * @param result the reply (from upstream or the cache) or the failure
 * @param cacheStatus {@link CacheStatus#HIT} when the reply came from the cache
 * @param afterLastByte what to do once the client got the reply's last byte (e.g. charge its cost)
 */
public record StepResult(AttemptResult result, CacheStatus cacheStatus, Consumer<WrittenReply> afterLastByte) {

    /** Returns a result with nothing to do after its last byte. */
    public StepResult(AttemptResult result, CacheStatus cacheStatus) {
        this(result, cacheStatus, written -> { });
    }

    /** Returns a result the cache took no part in. */
    public static StepResult of(AttemptResult result) {
        return new StepResult(result, CacheStatus.NONE);
    }

    /** Tells whether the step produced a 2xx reply. */
    public boolean succeeded() {
        return result instanceof AttemptResult.Replied replied && replied.reply().isSuccess();
    }
}
