package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.UpstreamCredential;
import dev.aigw.emulator.internal.cache.CacheStatus;
import java.util.function.Consumer;

/**
 * What a step ended with and how the cache took part in it.
 *
 * @param result the reply (from upstream or the cache) or the failure
 * @param cacheStatus {@link CacheStatus#HIT} when the reply came from the cache
 * @param credential the credential the step's upstream calls carried, or {@code null} before it was decided
 * @param afterLastByte what to do once the client got the reply's last byte (e.g. charge its cost)
 */
public record StepResult(AttemptResult result, CacheStatus cacheStatus, UpstreamCredential credential,
                         Consumer<WrittenReply> afterLastByte) {

    private static final Consumer<WrittenReply> NOTHING = written -> {
    };

    /** Returns a result whose credential is not known yet, with nothing to do after its last byte. */
    public StepResult(AttemptResult result, CacheStatus cacheStatus) {
        this(result, cacheStatus, null, NOTHING);
    }

    /** Returns this result with the credential its step carried. */
    public StepResult withCredential(UpstreamCredential used) {
        return new StepResult(result, cacheStatus, used, afterLastByte);
    }

    /** Returns this result with another reply or failure. */
    public StepResult withResult(AttemptResult other) {
        return new StepResult(other, cacheStatus, credential, afterLastByte);
    }

    /** Returns this result with one more thing to do once the client got the last byte, after what it already does. */
    public StepResult thenAfterLastByte(Consumer<WrittenReply> more) {
        return new StepResult(result, cacheStatus, credential, afterLastByte.andThen(more));
    }

    /**
     * Tells whether Unified Billing paid an upstream call of the step (management-api-2.md 2.4's log field
     * {@code wholesale}): a cache hit made no call.
     */
    public boolean wholesale() {
        return credential != null && credential.source() == UpstreamCredential.Source.UNIFIED_BILLING
                && cacheStatus != CacheStatus.HIT;
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
