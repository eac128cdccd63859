package dev.aigw.emulator.internal.log;

import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.gateway.LogLimit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One gateway's log entries in the order they were written. Appending and evicting the oldest entry touch only
 * the ends of a queue; the index by id that a lookup needs is built on the first lookup and kept from then on,
 * since most logs are written far more often than they are read one entry at a time. Thread-safe.
 */
final class GatewayLog {

    private final ArrayDeque<Stored> order = new ArrayDeque<>();
    private Map<String, Stored> byId;

    /** Adds an entry within the limit; returns whether it was stored. */
    synchronized boolean append(String id, Supplier<LogEntry> finish, LogLimit limit) {
        while (order.size() >= limit.maxEntries()) {
            if (limit.strategy() == LogLimit.Strategy.STOP_INSERTING) {
                return false;
            }
            Stored oldest = order.pollFirst();
            if (byId != null) {
                byId.remove(oldest.id, oldest);
            }
        }
        Stored stored = new Stored(id, finish);
        order.addLast(stored);
        if (byId != null) {
            byId.put(id, stored);
        }
        return true;
    }

    /** Returns the stored entries, oldest first, to be finished by the caller outside this log's lock. */
    synchronized List<Stored> snapshot() {
        return new ArrayList<>(order);
    }

    /** Returns the newest entry with this id, or {@code null}. */
    synchronized Stored find(String id) {
        return index().get(id);
    }

    /** Removes the entries with these ids; returns how many were removed. */
    synchronized int delete(Collection<String> ids) {
        Set<String> doomed = new HashSet<>(ids);
        int before = order.size();
        order.removeIf(stored -> doomed.contains(stored.id));
        if (byId != null) {
            byId.keySet().removeAll(doomed);
        }
        return before - order.size();
    }

    private Map<String, Stored> index() {
        if (byId == null) {
            byId = new HashMap<>((int) (order.size() / 0.75f) + 1);
            for (Stored stored : order) {
                byId.put(stored.id, stored);
            }
        }
        return byId;
    }

    /** An entry, finished once, on its first read, by whichever thread reads it first. */
    static final class Stored {

        private final String id;
        private Supplier<LogEntry> finish;
        private LogEntry entry;

        Stored(String id, Supplier<LogEntry> finish) {
            this.id = id;
            this.finish = finish;
        }

        synchronized LogEntry entry() {
            if (entry == null) {
                entry = finish.get();
                finish = null;
            }
            return entry;
        }

        /** Replaces the entry with what {@code change} makes of it. */
        synchronized void change(UnaryOperator<LogEntry> change) {
            entry = change.apply(entry());
        }
    }
}
