package dev.aigw.emulator;

import java.util.Objects;

/**
 * What a test stores as a provider key: the members of a create body (management-api-2.md 2.2 P2). Immutable;
 * each {@code with}-method returns a copy.
 *
 * <pre>{@code
 * emulator.createProviderConfig("my-gateway", NewProviderConfig.key("openai", "default", "sk-test-team-a"));
 * emulator.createProviderConfig("my-gateway",
 *         NewProviderConfig.key("anthropic", "team-b", "sk-ant-b").asDefault().withRateLimit(10, 60));
 * }</pre>
 *
 * @param providerSlug the provider, e.g. {@code openai} or {@code custom-my-llm}
 * @param alias the alias, 1 to 64 characters
 * @param defaultConfig whether it becomes the provider's default key
 * @param secret the raw key, or {@code null} to use the secret {@code secretId} names
 * @param secretId an existing secret's id (32 lower-case hex characters), or {@code null} for a new one
 * @param rateLimit calls per period with this key, or {@code null} for no limit
 * @param rateLimitPeriod the period in seconds, or {@code null} for 60
 */
public record NewProviderConfig(String providerSlug, String alias, boolean defaultConfig, String secret,
                                String secretId, Long rateLimit, Long rateLimitPeriod) {

    public NewProviderConfig {
        Objects.requireNonNull(providerSlug, "providerSlug");
        Objects.requireNonNull(alias, "alias");
    }

    /** Returns a config that stores a new key under an alias. */
    public static NewProviderConfig key(String providerSlug, String alias, String secret) {
        return new NewProviderConfig(providerSlug, alias, false, Objects.requireNonNull(secret, "secret"), null,
                null, null);
    }

    /**
     * Returns a config that uses an existing secret; its value is what {@link Emulator#putSecret} registered,
     * else the placeholder {@code secret:{secretId}} goes upstream.
     */
    public static NewProviderConfig secretReference(String providerSlug, String alias, String secretId) {
        return new NewProviderConfig(providerSlug, alias, false, null, Objects.requireNonNull(secretId, "secretId"),
                null, null);
    }

    /** Returns a copy that is the provider's default key ({@code default_config: true}). */
    public NewProviderConfig asDefault() {
        return new NewProviderConfig(providerSlug, alias, true, secret, secretId, rateLimit, rateLimitPeriod);
    }

    /** Returns a copy that stores its key under the given secret id. */
    public NewProviderConfig withSecretId(String id) {
        return new NewProviderConfig(providerSlug, alias, defaultConfig, secret, id, rateLimit, rateLimitPeriod);
    }

    /** Returns a copy limited to {@code calls} per {@code periodSeconds} with this key. */
    public NewProviderConfig withRateLimit(long calls, long periodSeconds) {
        return new NewProviderConfig(providerSlug, alias, defaultConfig, secret, secretId, calls, periodSeconds);
    }
}
