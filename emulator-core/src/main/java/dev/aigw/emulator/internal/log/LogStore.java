package dev.aigw.emulator.internal.log;

import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.gateway.LogLimit;
import java.util.ArrayList;
import java.util.Collection;
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

    private final Map<GatewayRef, GatewayLog> byGateway = new ConcurrentHashMap<>();
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
     * read; returns whether it was stored. Ids are unique within a gateway's log.
     */
    public boolean append(GatewayRef gateway, String id, Supplier<LogEntry> finish, LogLimit limit) {
        return byGateway.computeIfAbsent(gateway, ignored -> new GatewayLog()).append(id, finish, limit);
    }

    /** Returns a gateway's entries, oldest first. */
    public List<LogEntry> list(GatewayRef gateway) {
        GatewayLog log = byGateway.get(gateway);
        if (log == null) {
            return List.of();
        }
        List<GatewayLog.Stored> stored = log.snapshot();
        // Finished outside the gateway's lock: appends (from I/O threads) never wait for a reader's parsing.
        List<LogEntry> entries = new ArrayList<>(stored.size());
        for (GatewayLog.Stored s : stored) {
            entries.add(s.entry());
        }
        return entries;
    }

    /** Finds one entry of a gateway. */
    public Optional<LogEntry> find(GatewayRef gateway, String id) {
        GatewayLog log = byGateway.get(gateway);
        GatewayLog.Stored stored = log == null ? null : log.find(id);
        return stored == null ? Optional.empty() : Optional.of(stored.entry());
    }

    /** Replaces an entry by applying {@code change}; returns whether the entry existed. */
    public boolean update(GatewayRef gateway, String id, UnaryOperator<LogEntry> change) {
        GatewayLog log = byGateway.get(gateway);
        GatewayLog.Stored stored = log == null ? null : log.find(id);
        if (stored == null) {
            return false;
        }
        stored.change(change);
        return true;
    }

    /** Removes the entries with these ids; returns how many were removed. */
    public int delete(GatewayRef gateway, Collection<String> ids) {
        GatewayLog log = byGateway.get(gateway);
        return log == null ? 0 : log.delete(ids);
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
