package dev.aigw.emulator;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A provider key stored on a gateway (BYOK, management-api-2.md 2.1), as the management API answers it: never the
 * raw key, only its {@link #secretPreview() preview}.
 *
 * @param id the config's id (a UUID)
 * @param gatewayId the gateway it belongs to
 * @param providerSlug the provider, e.g. {@code openai} or {@code custom-my-llm}
 * @param alias the name a request selects it by with {@code cf-aig-byok-alias}
 * @param defaultConfig whether it is the provider's key when a request names no alias and none is called
 *     {@code default}
 * @param secretId the Secrets Store id of the key
 * @param secretPreview the masked key, e.g. {@code sk-...abcd}
 * @param modifiedAt when it was created or its key last replaced
 * @param rateLimit calls allowed per {@code rateLimitPeriod} with this key, if limited
 * @param rateLimitPeriod the window of the rate limit in seconds, present with a rate limit
 */
public record ProviderConfig(String id, String gatewayId, String providerSlug, String alias, boolean defaultConfig,
                             String secretId, String secretPreview, Instant modifiedAt, OptionalLong rateLimit,
                             OptionalLong rateLimitPeriod) {

    public ProviderConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(rateLimitPeriod, "rateLimitPeriod");
    }
}
