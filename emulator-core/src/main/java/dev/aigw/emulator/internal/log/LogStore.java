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
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Holds the log entries of every gateway, each gateway's in the order they were written, within its
 * {@link LogLimit}. An entry may be stored unfinished, with what it takes to finish it (reading the token usage
 * out of a response body, pricing it): it is finished once, on the first read, so that a request whose log is
 * never read does not pay for it. Thread-safe: each gateway's log changes under its own lock.
 */
public final class LogStore {

    private final Map<GatewayRef, Map<String, Stored>> byGateway = new ConcurrentHashMap<>();
    private final StringPool strings = new StringPool();

    /** Returns the pool that entries written to this store take their recurring strings from. */
    public StringPool strings() {
        return strings;
    }

    /** Adds an entry within the limit; returns whether it was stored (not when full with STOP_INSERTING). */
    public boolean append(GatewayRef gateway, LogEntry entry, LogLimit limit) {
        return append(gateway, entry.id(), () -> entry, limit);
    }

    /**
     * Adds the entry {@code finish} returns, within the limit, calling {@code finish} only when the entry is first
     * read; returns whether it was stored.
     */
    public boolean append(GatewayRef gateway, String id, Supplier<LogEntry> finish, LogLimit limit) {
        Map<String, Stored> log = byGateway.computeIfAbsent(gateway, ignored -> new LinkedHashMap<>());
        synchronized (log) {
            while (log.size() >= limit.maxEntries()) {
                if (limit.strategy() == LogLimit.Strategy.STOP_INSERTING) {
                    return false;
                }
                log.remove(log.keySet().iterator().next());
            }
            log.put(id, new Stored(finish));
            return true;
        }
    }

    /** Returns a gateway's entries, oldest first. */
    public List<LogEntry> list(GatewayRef gateway) {
        Map<String, Stored> log = byGateway.get(gateway);
        if (log == null) {
            return List.of();
        }
        List<Stored> stored;
        synchronized (log) {
            stored = new ArrayList<>(log.values());
        }
        // Finished outside the gateway's lock: appends (from I/O threads) never wait for a reader's parsing.
        List<LogEntry> entries = new ArrayList<>(stored.size());
        for (Stored s : stored) {
            entries.add(s.entry());
        }
        return entries;
    }

    /** Finds one entry of a gateway. */
    public Optional<LogEntry> find(GatewayRef gateway, String id) {
        Map<String, Stored> log = byGateway.get(gateway);
        if (log == null) {
            return Optional.empty();
        }
        Stored stored;
        synchronized (log) {
            stored = log.get(id);
        }
        return stored == null ? Optional.empty() : Optional.of(stored.entry());
    }

    /** Replaces an entry by applying {@code change}; returns whether the entry existed. */
    public boolean update(GatewayRef gateway, String id, UnaryOperator<LogEntry> change) {
        Map<String, Stored> log = byGateway.get(gateway);
        if (log == null) {
            return false;
        }
        synchronized (log) {
            return log.computeIfPresent(id, (key, stored) -> {
                LogEntry changed = change.apply(stored.entry());
                return new Stored(() -> changed);
            }) != null;
        }
    }

    /** Removes the entries with these ids; returns how many were removed. */
    public int delete(GatewayRef gateway, Collection<String> ids) {
        Map<String, Stored> log = byGateway.get(gateway);
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

    /** An entry, finished once, on its first read, by whichever thread reads it first. */
    private static final class Stored {

        private Supplier<LogEntry> finish;
        private LogEntry entry;

        Stored(Supplier<LogEntry> finish) {
            this.finish = finish;
        }

        synchronized LogEntry entry() {
            if (entry == null) {
                entry = finish.get();
                finish = null;
            }
            return entry;
        }
    }
}
