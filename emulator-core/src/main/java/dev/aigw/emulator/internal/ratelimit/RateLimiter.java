package dev.aigw.emulator.internal.ratelimit;

import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.gateway.RateLimit;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the requests of each gateway against its {@link RateLimit} on the emulator's clock (proxy.md 6.2,
 * 6.3): only accepted requests count, so a client that keeps retrying into a sliding window still recovers.
 *
 * <p>Thread-safe and exact: each gateway's window is chosen, checked and counted in one atomic step, so {@code N}
 * concurrent requests against a limit {@code L < N} let exactly {@code L} pass. A gateway whose technique or
 * interval changed starts with an empty window; one whose limit alone changed keeps its count.
 */
public final class RateLimiter {

    private final Map<GatewayRef, Window> windows = new ConcurrentHashMap<>();

    /** Counts a request of {@code gateway} at {@code now} if the limit allows it; returns whether it may go on. */
    public boolean tryAcquire(GatewayRef gateway, RateLimit limit, Instant now) {
        boolean[] allowed = new boolean[1];
        // compute runs atomically per gateway, so choosing the window and counting in it cannot interleave with
        // forget() or with a settings change.
        windows.compute(gateway, (key, current) -> {
            Window window = current != null && current.fits(limit) ? current : new Window(limit);
            allowed[0] = window.tryAcquire(limit.limit(), now);
            return window;
        });
        return allowed[0];
    }

    /** Forgets a gateway's window (the gateway was deleted or its rate-limit settings changed). */
    public void forget(GatewayRef gateway) {
        windows.remove(gateway);
    }

    /** Forgets every window. */
    public void clear() {
        windows.clear();
    }

    /** One gateway's counting state; only touched inside {@code windows.compute} for its key. */
    private static final class Window {

        private final RateLimit.Technique technique;
        private final long intervalMillis;
        private final Deque<Long> accepted = new ArrayDeque<>();
        private long fixedStart = Long.MIN_VALUE;
        private long fixedCount;

        Window(RateLimit limit) {
            this.technique = limit.technique();
            this.intervalMillis = limit.intervalSeconds() * 1000;
        }

        boolean fits(RateLimit limit) {
            return technique == limit.technique() && intervalMillis == limit.intervalSeconds() * 1000;
        }

        boolean tryAcquire(long limit, Instant now) {
            long millis = now.toEpochMilli();
            if (technique == RateLimit.Technique.FIXED) {
                long start = Math.floorDiv(millis, intervalMillis) * intervalMillis;
                if (start != fixedStart) {
                    fixedStart = start;
                    fixedCount = 0;
                }
                if (fixedCount >= limit) {
                    return false;
                }
                fixedCount++;
                return true;
            }
            while (!accepted.isEmpty() && accepted.peekFirst() <= millis - intervalMillis) {
                accepted.removeFirst();
            }
            if (accepted.size() >= limit) {
                return false;
            }
            accepted.addLast(millis);
            return true;
        }
    }
}
