package dev.aigw.emulator.internal.log;

import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Holds the log entries of every gateway, each gateway's in the order they were written, within its
 * {@link LogLimit}. Thread-safe: each gateway's log changes under its own lock.
 */
public final class LogStore {

    private final Map<GatewayRef, Map<String, LogEntry>> byGateway = new ConcurrentHashMap<>();

    /** Adds an entry within the limit; returns whether it was stored (not when full with STOP_INSERTING). */
    public boolean append(GatewayRef gateway, LogEntry entry, LogLimit limit) {
        Map<String, LogEntry> log = byGateway.computeIfAbsent(gateway, ignored -> new LinkedHashMap<>());
        synchronized (log) {
            while (log.size() >= limit.maxEntries()) {
                if (limit.strategy() == LogLimit.Strategy.STOP_INSERTING) {
                    return false;
                }
                log.remove(log.keySet().iterator().next());
            }
            log.put(entry.id(), entry);
            return true;
        }
    }

    /** Returns a gateway's entries, oldest first. */
    public List<LogEntry> list(GatewayRef gateway) {
        Map<String, LogEntry> log = byGateway.get(gateway);
        if (log == null) {
            return List.of();
        }
        synchronized (log) {
            return new ArrayList<>(log.values());
        }
    }

    /** Finds one entry of a gateway. */
    public Optional<LogEntry> find(GatewayRef gateway, String id) {
        Map<String, LogEntry> log = byGateway.get(gateway);
        if (log == null) {
            return Optional.empty();
        }
        synchronized (log) {
            return Optional.ofNullable(log.get(id));
        }
    }

    /** Replaces an entry by applying {@code change}; returns whether the entry existed. */
    public boolean update(GatewayRef gateway, String id, UnaryOperator<LogEntry> change) {
        Map<String, LogEntry> log = byGateway.get(gateway);
        if (log == null) {
            return false;
        }
        synchronized (log) {
            return log.computeIfPresent(id, (key, entry) -> change.apply(entry)) != null;
        }
    }

    /** Removes the entries with these ids; returns how many were removed. */
    public int delete(GatewayRef gateway, Collection<String> ids) {
        Map<String, LogEntry> log = byGateway.get(gateway);
        if (log == null) {
            return 0;
        }
        synchronized (log) {
            int removed = 0;
            for (String id : ids) {
                if (log.remove(id) != null) {
                    removed++;
                }
            }
            return removed;
        }
    }

    /** Drops every entry of one gateway (the gateway was deleted). */
    public void dropGateway(GatewayRef gateway) {
        byGateway.remove(gateway);
    }

    /** Drops every entry of every gateway. */
    public void clear() {
        byGateway.clear();
    }
}
