package dev.aigw.emulator.internal.cache;

/** How the cache took part in a step: the value of {@code cf-aig-cache-status}, if any (proxy.md 5.5). */
public enum CacheStatus {

    /** Caching was not effective for the step: no header. */
    NONE(null),
    /** Served from the cache; no upstream attempt was made. */
    HIT("HIT"),
    /** Caching was effective but the cache had no fresh entry. */
    MISS("MISS");

    private final String header;

    CacheStatus(String header) {
        this.header = header;
    }

    /** Returns the header value, or {@code null} when no header is sent. */
    public String header() {
        return header;
    }
}
