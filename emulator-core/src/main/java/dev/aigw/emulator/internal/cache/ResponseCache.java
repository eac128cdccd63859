package dev.aigw.emulator.internal.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.util.Logs;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * Stores gateway responses and serves them while fresh on the emulator's clock (proxy.md 5). Holds the rules
 * of what may be stored: a 2xx that is not a stream, with a JSON, text or image content type, answering a
 * request body of at most 25 MB. Strictly consistent: a stored entry is visible to the next lookup.
 *
 * <p>Thread-safe. Expired entries are dropped when looked up and, every few hundred stores, in a sweep, so
 * the cache holds at most the entries stored within the longest TTL.
 */
public final class ResponseCache {

    private static final Logger LOG = Logs.getLogger(ResponseCache.class);

    /** The largest request body whose response is cached (proxy.md 11). */
    public static final long MAX_REQUEST_BYTES = 25L * 1024 * 1024;

    private static final int SWEEP_EVERY = 256;

    private final EmulatorClock clock;
    private final Map<CacheKey, CachedReply> entries = new ConcurrentHashMap<>();
    private final AtomicInteger storesSinceSweep = new AtomicInteger();

    public ResponseCache(EmulatorClock clock) {
        this.clock = clock;
    }

    /** Returns the fresh entry under {@code key}, if any; a stale one is dropped. */
    public Optional<CachedReply> lookup(CacheKey key) {
        CachedReply entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.freshAt(clock.now())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** Stores a response under {@code key} for the policy's TTL from now, replacing any older entry. */
    public void store(CacheKey key, CachePolicy policy, int status, Map<String, String> headers, byte[] body) {
        store(key, policy, status, headers, body, "");
    }

    /** Stores a response {@code provider} answered, as {@link #store(CacheKey, CachePolicy, int, Map, byte[])}. */
    public void store(CacheKey key, CachePolicy policy, int status, Map<String, String> headers, byte[] body,
                      String provider) {
        store(key, policy, status, headers, body, provider, "");
    }

    /**
     * Stores a response {@code provider}'s {@code model} answered, as
     * {@link #store(CacheKey, CachePolicy, int, Map, byte[])}.
     */
    public void store(CacheKey key, CachePolicy policy, int status, Map<String, String> headers, byte[] body,
                      String provider, String model) {
        Instant now = clock.now();
        entries.put(key, new CachedReply(status, headers, body, now.plus(policy.ttl()), provider, model));
        if (storesSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            storesSinceSweep.set(0);
            entries.values().removeIf(e -> !e.freshAt(now));
        }
    }

    /**
     * Tells whether a response may be stored (proxy.md 5.2, 5.6).
     *
     * @param status the response status
     * @param contentType the response's content type, or {@code null}
     * @param requestStreams whether the request asked for a stream
     * @param requestBytes the size of the request body
     */
    public static boolean isCacheable(int status, String contentType, boolean requestStreams, long requestBytes) {
        if (status < 200 || status > 299 || requestStreams || requestBytes > MAX_REQUEST_BYTES || contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        return !type.equals("text/event-stream")
                && (type.equals("application/json") || type.endsWith("+json") || type.startsWith("text/")
                        || type.startsWith("image/"));
    }

    /**
     * Tells whether a request asks for a stream (proxy.md 5.6): a JSON body with {@code "stream": true}, or
     * Google's {@code :streamGenerateContent} path or {@code alt=sse} query.
     */
    public static boolean asksToStream(String path, String query, byte[] body) {
        if (path.contains(":streamGenerateContent") || ("&" + query + "&").contains("&alt=sse&")) {
            return true;
        }
        if (body.length == 0 || body[0] != '{') {
            return false;
        }
        try {
            return Json.parse(body).path("stream").booleanValue();
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.debug("A request body that is not valid JSON does not ask to stream", e);
            return false;
        }
    }

    /** Drops every entry of one gateway (deleted, or updated with {@code cache_invalidate_on_update}). */
    public void dropGateway(GatewayRef gateway) {
        entries.keySet().removeIf(key -> key.gateway().equals(gateway));
    }

    /** Drops every entry a provider answered for the gateways of one account (a custom provider changed). */
    public void dropProvider(String accountId, String provider) {
        entries.entrySet().removeIf(e -> e.getKey().gateway().accountId().equals(accountId)
                && e.getValue().provider().equals(provider));
    }

    /** Drops every entry. */
    public void clear() {
        entries.clear();
    }

    /** Returns the number of entries held, fresh or not yet swept. */
    public int size() {
        return entries.size();
    }
}
