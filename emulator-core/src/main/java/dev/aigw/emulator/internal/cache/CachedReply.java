package dev.aigw.emulator.internal.cache;

import java.time.Instant;
import java.util.Map;

/**
 * A stored response: what the client got (status, provider headers, whole body) and until when it is fresh.
 *
 * @param status the HTTP status
 * @param headers the provider's response headers, names in lower case
 * @param body the whole body
 * @param expiresAt the clock's instant from which the entry is stale
 * @param provider the slug of the provider that answered, or empty when not known
 * @param model the model that answered, or empty when not known
 */
public record CachedReply(int status, Map<String, String> headers, byte[] body, Instant expiresAt, String provider,
                          String model) {

    public CachedReply {
        headers = Map.copyOf(headers);
        provider = provider == null ? "" : provider;
        model = model == null ? "" : model;
    }

    /** A stored response of a known provider and an unknown model. */
    public CachedReply(int status, Map<String, String> headers, byte[] body, Instant expiresAt, String provider) {
        this(status, headers, body, expiresAt, provider, "");
    }

    /** A stored response of no particular provider. */
    public CachedReply(int status, Map<String, String> headers, byte[] body, Instant expiresAt) {
        this(status, headers, body, expiresAt, "", "");
    }

    /** Tells whether the entry is still fresh at {@code now}. */
    public boolean freshAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
