package dev.aigw.emulator.internal.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The usage counted by rate and budget elements (management-api-2.md 4.5), per (route id, element id, key value),
 * on the emulator's clock: {@code fixed} windows aligned to the epoch, or an exact {@code sliding} log (proxy.md
 * 6.2). A count element adds 1 when a request passes; a cost element adds a request's cost when it completes, so
 * bursts may overshoot. Counters survive deployments and are cleared by reset. Thread-safe.
 */
public final class RouteCounters {

    private record Key(String routeId, String elementId, String value) {
    }

    private record Use(Instant at, double amount) {
    }

    private final Map<Key, Deque<Use>> uses = new HashMap<>();

    /** One rate or budget element's rule. */
    record Rule(double limit, long windowSeconds, boolean sliding) {
    }

    /** Tells whether the element's key value is under its limit at {@code now}. */
    synchronized boolean under(String routeId, String elementId, String value, Rule rule, Instant now) {
        return used(new Key(routeId, elementId, value), rule, now) < rule.limit();
    }

    /** Adds {@code amount} for the element's key value at {@code now}. */
    synchronized void add(String routeId, String elementId, String value, double amount, Instant now) {
        uses.computeIfAbsent(new Key(routeId, elementId, value), k -> new ArrayDeque<>()).add(new Use(now, amount));
    }

    /** Forgets every count. */
    public synchronized void clear() {
        uses.clear();
    }

    private double used(Key key, Rule rule, Instant now) {
        Deque<Use> log = uses.get(key);
        if (log == null || rule.windowSeconds() <= 0) {
            return 0;
        }
        Instant from;
        if (rule.sliding()) {
            from = now.minus(Duration.ofSeconds(rule.windowSeconds()));
        } else {
            long epoch = now.getEpochSecond();
            from = Instant.ofEpochSecond(Math.floorDiv(epoch, rule.windowSeconds()) * rule.windowSeconds());
        }
        while (!log.isEmpty() && log.peekFirst().at().isBefore(from)) {
            log.pollFirst();
        }
        double sum = 0;
        for (Use use : log) {
            if (rule.sliding() ? use.at().isAfter(from) : !use.at().isBefore(from)) {
                sum += use.amount();
            }
        }
        return sum;
    }
}
