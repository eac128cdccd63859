package dev.aigw.emulator.internal.gateway;

/**
 * How many entries a gateway keeps and what happens when it is full (proxy.md 7.3): the gateway's
 * {@code log_management} (default 10,000,000) and {@code log_management_strategy} (default
 * {@code STOP_INSERTING}).
 *
 * @param maxEntries the most entries kept, at least 1
 * @param strategy what a new entry does to a full log
 */
public record LogLimit(long maxEntries, Strategy strategy) {

    /** The limit when the gateway sets none. */
    public static final long DEFAULT_MAX_ENTRIES = 10_000_000;

    /** What a new entry does to a full log. */
    public enum Strategy {
        /** The new entry is dropped. */
        STOP_INSERTING,
        /** The oldest entry is evicted to make room. */
        DELETE_OLDEST;

        /** Reads a strategy as the API spells it; anything but {@code DELETE_OLDEST} stops inserting. */
        static Strategy parse(String name) {
            return name.equals("DELETE_OLDEST") ? DELETE_OLDEST : STOP_INSERTING;
        }
    }

    /** Validates the limit. */
    public LogLimit {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
        }
    }
}
