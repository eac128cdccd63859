package dev.aigw.emulator.internal;

import dev.aigw.emulator.internal.byok.ProviderConfigs;
import dev.aigw.emulator.internal.cache.ResponseCache;
import dev.aigw.emulator.internal.gateway.Gateway;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.log.LogStore;
import dev.aigw.emulator.internal.ratelimit.RateLimiter;

/**
 * Keeps the per-gateway state in step with the gateway's settings (proxy.md 5.7): an update with
 * {@code cache_invalidate_on_update} drops the gateway's cached responses, an update that changes any
 * {@code rate_limiting_*} setting starts a fresh window, and a deletion drops the cache, the window and the
 * logs and the stored provider keys. Everything else the proxy reads from the gateway as resolved for each request. Thread-safe.
 */
public final class GatewayChanges {

    private final ResponseCache cache;
    private final RateLimiter rateLimiter;
    private final LogStore logs;
    private final ProviderConfigs providerConfigs;

    public GatewayChanges(ResponseCache cache, RateLimiter rateLimiter, LogStore logs,
                          ProviderConfigs providerConfigs) {
        this.cache = cache;
        this.rateLimiter = rateLimiter;
        this.logs = logs;
        this.providerConfigs = providerConfigs;
    }

    /** Applies an update of a gateway's settings through the management API. */
    public void updated(Gateway before, Gateway after) {
        GatewayRef ref = GatewayRef.of(after);
        if (after.settings().cacheInvalidateOnUpdate()) {
            cache.dropGateway(ref);
        }
        if (!before.settings().rateLimit().equals(after.settings().rateLimit())) {
            rateLimiter.forget(ref);
        }
    }

    /** Drops everything a deleted gateway had. */
    public void deleted(Gateway gateway) {
        GatewayRef ref = GatewayRef.of(gateway);
        cache.dropGateway(ref);
        rateLimiter.forget(ref);
        logs.dropGateway(ref);
        providerConfigs.dropGateway(ref);
    }
}
