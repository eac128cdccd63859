package dev.aigw.emulator.internal.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides whether caching is effective for a request and for how long (proxy.md 5.1, 5.3, 5.4): the TTL is
 * {@code cf-aig-cache-ttl} if sent (0 disables caching, 1..59 is raised to 60, above one month lowered to it),
 * else the gateway's {@code cache_ttl} (at most one month); a {@code cf-aig-cache-key} on a gateway with
 * caching off gets 300 s; {@code cf-aig-skip-cache: true} bypasses the cache both ways (no lookup, no store).
 *
 * @param ttl how long a stored response stays fresh
 * @param customKey the client's {@code cf-aig-cache-key}, which replaces the derived key, or empty
 */
public record CachePolicy(Duration ttl, Optional<String> customKey) {

    /** The lowest TTL the header may ask for, in seconds. */
    public static final long MIN_HEADER_TTL = 60;
    /** The highest TTL, one month (30 days), in seconds. */
    public static final long MAX_TTL = 2_592_000;
    /** The TTL of a response stored under a custom key when the gateway has caching off, in seconds. */
    public static final long CUSTOM_KEY_TTL = 300;

    /**
     * Returns the policy of a request, or empty when caching is not effective for it.
     *
     * @param gatewayTtlSeconds the gateway's {@code cache_ttl} (0 when caching is off)
     * @param headerTtlSeconds the request's {@code cf-aig-cache-ttl}, if valid
     * @param skipCache the request's {@code cf-aig-skip-cache}
     * @param customKey the request's {@code cf-aig-cache-key}
     */
    public static Optional<CachePolicy> decide(long gatewayTtlSeconds, OptionalLong headerTtlSeconds,
                                               boolean skipCache, Optional<String> customKey) {
        if (skipCache) {
            return Optional.empty();
        }
        long ttl;
        if (headerTtlSeconds.isPresent()) {
            long asked = headerTtlSeconds.getAsLong();
            ttl = asked == 0 ? 0 : Math.min(MAX_TTL, Math.max(MIN_HEADER_TTL, asked));
        } else if (gatewayTtlSeconds > 0) {
            ttl = Math.min(MAX_TTL, gatewayTtlSeconds);
        } else {
            ttl = customKey.isPresent() ? CUSTOM_KEY_TTL : 0;
        }
        return ttl > 0 ? Optional.of(new CachePolicy(Duration.ofSeconds(ttl), customKey)) : Optional.empty();
    }
}
