package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.cache.CacheKey;
import dev.aigw.emulator.internal.cache.CachePolicy;
import dev.aigw.emulator.internal.cache.CacheStatus;
import dev.aigw.emulator.internal.cache.CachedReply;
import dev.aigw.emulator.internal.cache.ResponseCache;
import dev.aigw.emulator.internal.provider.CredentialHeader;
import dev.aigw.emulator.internal.provider.PathStyle;
import dev.aigw.emulator.internal.provider.ProviderSpec;
import java.util.Optional;

/**
 * The cache of a dynamic route's requests (management-api-2.md 4.4): looked up before the route is walked, under
 * the policy of any compat request and a key of the client's own request (provider {@code dynamic}, its body naming
 * {@code dynamic/{name}}), so a HIT calls no model node and moves no split, rate or budget counter, and a deployment
 * does not change the key. The reply of the node that answered is stored under that key with the node's provider
 * and model, which a HIT answers with. The nodes themselves are not cached one by one ({@link RoutePlan}).
 */
final class RouteCache {

    private final ResponseCache cache;

    RouteCache(ResponseCache cache) {
        this.cache = cache;
    }

    /** Where a route request's reply is cached: the request's policy and key. */
    record Entry(CachePolicy policy, CacheKey key) {
    }

    /** Returns where the request {@code route} (a route's placeholder step) is cached, or empty when it is not. */
    Optional<Entry> entryOf(ResolvedGateway gateway, Step route) {
        return CachingSteps.policy(gateway, route.settings())
                .map(policy -> new Entry(policy, CachingSteps.key(gateway, policy, route)));
    }

    /** Returns the stored answer as a HIT of a step of the provider and model that gave it. */
    Optional<RouteRunner.Answered> hit(Entry entry, Step route) {
        return cache.lookup(entry.key()).map(stored -> new RouteRunner.Answered(answering(route, stored),
                CachingSteps.hit(stored), null));
    }

    /** Stores what a model node answered when it may be stored, and returns the answer as a MISS. */
    StepResult stored(Entry entry, Step route, Step node, StepResult answer) {
        AttemptResult.Replied replied = CachingSteps.storeIfCacheable(cache, entry.key(), entry.policy(), route,
                (AttemptResult.Replied) answer.result(), node.provider().slug(), node.model());
        return missed(answer.withResult(replied));
    }

    /** Returns a reply the route gave while its request was cached, but which is not stored, as a MISS. */
    static StepResult missed(StepResult answer) {
        return new StepResult(answer.result(), CacheStatus.MISS, answer.credential(), answer.afterLastByte());
    }

    private static Step answering(Step route, CachedReply stored) {
        if (stored.provider().isEmpty()) {
            return route;
        }
        ProviderSpec provider = new ProviderSpec(stored.provider(), "", "", PathStyle.PLAIN, CredentialHeader.BEARER);
        return new Step(route.index(), provider, route.method(), route.target(), route.query(), route.headers(),
                route.body(), route.settings(), route.retry(), route.translation(),
                stored.model().isEmpty() ? null : stored.model(), route.endpoint());
    }
}
