package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.gateway.RateLimit;
import dev.aigw.emulator.internal.ratelimit.RateLimiter;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Optional;

/**
 * Counts the request against its gateway's rate limit, once per client request and before the cache, so cache
 * hits count (proxy.md 2.4, 6.3); over the limit it is 429/2003 "Rate limited", without {@code Retry-After}, and
 * nothing is forwarded, not even a universal fallback (6.4).
 */
public final class RateLimitHandler implements HttpHandler {

    private final RateLimiter limiter;
    private final EmulatorClock clock;
    private final HttpHandler next;

    public RateLimitHandler(RateLimiter limiter, EmulatorClock clock, HttpHandler next) {
        this.limiter = limiter;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ResolvedGateway resolved = exchange.getAttachment(ProxyAttachments.GATEWAY);
        Optional<RateLimit> limit = resolved.gateway().settings().rateLimit();
        if (limit.isPresent()
                && !limiter.tryAcquire(GatewayRef.of(resolved.gateway()), limit.get(), clock.now())) {
            throw ApiException.gateway(429, 2003, GatewayErrors.RATE_LIMITED);
        }
        next.handleRequest(exchange);
    }

    @Override
    public String toString() {
        return "rate-limit -> " + next;
    }
}
