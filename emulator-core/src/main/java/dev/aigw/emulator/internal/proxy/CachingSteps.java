package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.cache.CacheKey;
import dev.aigw.emulator.internal.cache.CachePolicy;
import dev.aigw.emulator.internal.cache.CacheStatus;
import dev.aigw.emulator.internal.cache.CachedReply;
import dev.aigw.emulator.internal.cache.ResponseCache;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.util.Logs;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Answers a step from the {@link ResponseCache} when caching is effective for it and a fresh entry exists (a
 * HIT: no upstream attempt), else runs it and stores a cacheable success (a MISS). On the universal endpoint
 * each step has its own key (its provider, endpoint, query); a retry is not a new lookup, and only the step's
 * final successful reply is stored (proxy.md 4.7, 5).
 */
public final class CachingSteps implements StepRunner {

    private static final Logger LOG = Logs.getLogger(CachingSteps.class);

    private final ResponseCache cache;
    private final StepRunner next;

    public CachingSteps(ResponseCache cache, StepRunner next) {
        this.cache = cache;
        this.next = next;
    }

    @Override
    public StepResult run(ResolvedGateway gateway, ClientRequest client, Step step, boolean lastStep,
                          TimelineRecorder timeline) throws InterruptedException {
        Optional<CachePolicy> policy = policy(gateway, step.settings());
        if (policy.isEmpty()) {
            return next.run(gateway, client, step, lastStep, timeline);
        }
        CacheKey key = key(gateway, policy.get(), step);
        Optional<CachedReply> hit = cache.lookup(key);
        if (hit.isPresent()) {
            return hit(hit.get());
        }
        StepResult result = next.run(gateway, client, step, lastStep, timeline);
        if (result.result() instanceof AttemptResult.Replied replied) {
            return new StepResult(storeIfCacheable(cache, key, policy.get(), step, replied, step.provider().slug(),
                    step.model()), CacheStatus.MISS);
        }
        return new StepResult(result.result(), CacheStatus.MISS);
    }

    /** Returns the cache policy of a request with these settings on this gateway, or empty when it is not cached. */
    static Optional<CachePolicy> policy(ResolvedGateway gateway, GatewayHeaders settings) {
        return CachePolicy.decide(gateway.gateway().settings().cacheTtlSeconds(), settings.cacheTtlSeconds(),
                settings.skipCache().orElse(false), settings.cacheKey());
    }

    /** Returns the key of a step: the client's {@code cf-aig-cache-key}, else derived from what the step sends. */
    static CacheKey key(ResolvedGateway gateway, CachePolicy policy, Step step) {
        GatewayRef ref = GatewayRef.of(gateway.gateway());
        return policy.customKey().map(custom -> CacheKey.custom(ref, custom)).orElseGet(() ->
                CacheKey.derived(ref, step.provider().slug(), step.method(), step.target().path(), step.query(),
                        step.body()));
    }

    /** Returns a stored reply as a step's HIT. */
    static StepResult hit(CachedReply stored) {
        UpstreamReply reply = new UpstreamReply(stored.status(), stored.headers(),
                new UpstreamReply.Full(stored.body()));
        return new StepResult(new AttemptResult.Replied(reply), CacheStatus.HIT);
    }

    /**
     * Stores a reply to {@code request} under {@code key} when it may be stored, as {@code provider}'s {@code model}
     * answer, and returns what the client gets: the same reply, read whole when it was piped.
     */
    static AttemptResult.Replied storeIfCacheable(ResponseCache cache, CacheKey key, CachePolicy policy, Step request,
                                                  AttemptResult.Replied replied, String provider, String model) {
        UpstreamReply reply = replied.reply();
        boolean whole = replied.delivery().breakAfterEvents() < 0 && !(reply.body() instanceof UpstreamReply.Stream);
        if (!whole || !ResponseCache.isCacheable(reply.status(), reply.headers().get("content-type"),
                ResponseCache.asksToStream(request.target().path(), request.query(), request.body()),
                request.body().length)) {
            return replied;
        }
        byte[] body;
        if (reply.body() instanceof UpstreamReply.Full full) {
            body = full.bytes();
        } else {
            try (InputStream in = ((UpstreamReply.Piped) reply.body()).in()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                LOG.debug("The upstream broke off mid-body: the client gets an empty body, and nothing is stored", e);
                return new AttemptResult.Replied(new UpstreamReply(reply.status(), reply.headers(),
                        new UpstreamReply.Full(new byte[0])), replied.delivery());
            }
            reply = new UpstreamReply(reply.status(), reply.headers(), new UpstreamReply.Full(body));
        }
        cache.store(key, policy, reply.status(), reply.headers(), body, provider, model);
        return new AttemptResult.Replied(reply, replied.delivery());
    }

    @Override
    public String toString() {
        return "cache -> " + next;
    }
}
