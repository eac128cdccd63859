package dev.aigw.emulator.internal.byok;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Instant;

/**
 * One stored provider key of a gateway (management-api-2.md 2.1). The raw key is not here: it lives in
 * {@link ProviderConfigs}' secrets under {@link #secretId}, and no operation ever returns it.
 *
 * @param rateLimit calls per {@code rateLimitPeriod} seconds with this key, or {@code null} (no limit)
 * @param rateLimitPeriod the window in seconds (60 unless given); only meaningful with a rate limit
 */
public record StoredProviderConfig(String id, String gatewayId, String providerSlug, String alias, boolean defaultConfig,
                             String secretId, String secretPreview, Instant modifiedAt, Long rateLimit,
                             long rateLimitPeriod) {

    /** The window of a rate limit when the create body gives none, in seconds (management-api.md 4.5). */
    public static final long DEFAULT_RATE_LIMIT_PERIOD = 60;

    /** Returns the object as the management API answers it: never the raw key. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object()
                .put("id", id)
                .put("gateway_id", gatewayId)
                .put("provider_slug", providerSlug)
                .put("alias", alias)
                .put("default_config", defaultConfig)
                .put("secret_id", secretId)
                .put("secret_preview", secretPreview)
                .put("modified_at", Timestamps.format(modifiedAt));
        if (rateLimit != null) {
            json.put("rate_limit", rateLimit).put("rate_limit_period", rateLimitPeriod);
        }
        return json;
    }

    StoredProviderConfig withDefault(boolean isDefault) {
        return new StoredProviderConfig(id, gatewayId, providerSlug, alias, isDefault, secretId, secretPreview, modifiedAt,
                rateLimit, rateLimitPeriod);
    }

    StoredProviderConfig rotated(String preview, Instant at) {
        return new StoredProviderConfig(id, gatewayId, providerSlug, alias, defaultConfig, secretId, preview, at,
                rateLimit, rateLimitPeriod);
    }

    /**
     * The masked form of a key, management-api.md 4.5: the first 3 and last 4 characters with {@code ...} between
     * ({@code sk-...abcd}); a key of 8 characters or fewer shows only {@code ...} and its last character at most.
     */
    public static String preview(String secret) {
        if (secret.length() <= 8) {
            return "..." + (secret.length() > 4 ? secret.substring(secret.length() - 1) : "");
        }
        return secret.substring(0, 3) + "..." + secret.substring(secret.length() - 4);
    }
}
