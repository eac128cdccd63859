package dev.aigw.emulator.internal.spend;

import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.gateway.SpendRequest;
import dev.aigw.emulator.internal.gateway.SpendRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The costs each gateway's spend-limit rules count (proxy.md 6.5): recorded when a request completes, read when the
 * next one is checked, so requests admitted before any of them completes all pass and may overshoot the budget.
 * Thread-safe.
 */
public final class SpendLedger {

    private final Map<GatewayRef, List<Spent>> byGateway = new ConcurrentHashMap<>();

    private record Spent(Instant at, SpendRequest request, BigDecimal usd) {
    }

    /** Returns the 429/2041 message of the first rule whose budget {@code request} finds spent, if any. */
    public Optional<String> exceeded(GatewayRef gateway, List<SpendRule> rules, SpendRequest request, Instant now) {
        List<Spent> spent = snapshot(gateway);
        for (SpendRule rule : rules) {
            if (!rule.covers(request)) {
                continue;
            }
            Instant start = rule.windowStart(now);
            BigDecimal total = spent.stream()
                    .filter(s -> rule.sliding() ? s.at().isAfter(start) : !s.at().isBefore(start))
                    .filter(s -> rule.shares(s.request(), request))
                    .map(Spent::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(rule.limitUsd()) >= 0) {
                return Optional.of(rule.exceededMessage(request));
            }
        }
        return Optional.empty();
    }

    /** Records a completed request's cost. */
    public void record(GatewayRef gateway, SpendRequest request, BigDecimal usd, Instant at) {
        List<Spent> spent = byGateway.computeIfAbsent(gateway, g -> new ArrayList<>());
        synchronized (spent) {
            spent.add(new Spent(at, request, usd));
        }
    }

    /** Forgets every gateway's spending. */
    public void clear() {
        byGateway.clear();
    }

    private List<Spent> snapshot(GatewayRef gateway) {
        List<Spent> spent = byGateway.get(gateway);
        if (spent == null) {
            return List.of();
        }
        synchronized (spent) {
            return List.copyOf(spent);
        }
    }
}
