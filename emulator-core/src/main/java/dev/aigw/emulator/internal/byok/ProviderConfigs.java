package dev.aigw.emulator.internal.byok;

import dev.aigw.emulator.internal.gateway.GatewayRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider keys stored on gateways (BYOK, management-api-2.md 2) and the secrets behind them: the emulator's
 * stand-in for the Secrets Store. Keys are kept per gateway incarnation ({@link GatewayRef}), so a deleted gateway
 * takes its keys with it. Thread-safe: every method synchronises on this object.
 */
public final class ProviderConfigs {

    private final Map<GatewayRef, List<StoredProviderConfig>> configs = new HashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, long[]> windows = new HashMap<>();
    private final boolean requireStore;

    /** A store where a gateway without {@code store_id} uses an implicit per-account store. */
    public ProviderConfigs() {
        this(false);
    }

    /**
     * A store that, with {@code requireStore}, refuses keys for a gateway without {@code store_id}
     * (management-api-2.md 2.2's strict setting) [E].
     */
    public ProviderConfigs(boolean requireStore) {
        this.requireStore = requireStore;
    }

    /** Tells whether a gateway must name a Secrets Store ({@code store_id}) to hold keys. */
    public boolean requiresStore() {
        return requireStore;
    }

    /** Returns a gateway's configs, newest {@code modified_at} first (management-api-2.md 2.2 P1). */
    public synchronized List<StoredProviderConfig> list(GatewayRef gateway) {
        List<StoredProviderConfig> all = new ArrayList<>(configs.getOrDefault(gateway, List.of()));
        all.sort(Comparator.comparing(StoredProviderConfig::modifiedAt).reversed().thenComparing(StoredProviderConfig::id));
        return all;
    }

    /** Returns the config with this id on a gateway, if any. */
    public synchronized Optional<StoredProviderConfig> find(GatewayRef gateway, String id) {
        return configs.getOrDefault(gateway, List.of()).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Returns the config of a provider under an alias, if any. */
    public synchronized Optional<StoredProviderConfig> find(GatewayRef gateway, String providerSlug, String alias) {
        return configs.getOrDefault(gateway, List.of()).stream()
                .filter(c -> c.providerSlug().equals(providerSlug) && c.alias().equals(alias)).findFirst();
    }

    /** Returns the provider's config with {@code default_config: true}, if any. */
    public synchronized Optional<StoredProviderConfig> defaultOf(GatewayRef gateway, String providerSlug) {
        return configs.getOrDefault(gateway, List.of()).stream()
                .filter(c -> c.providerSlug().equals(providerSlug) && c.defaultConfig()).findFirst();
    }

    /** Returns the aliases a provider has on a gateway, in alphabetical order. */
    public synchronized List<String> aliases(GatewayRef gateway, String providerSlug) {
        return configs.getOrDefault(gateway, List.of()).stream()
                .filter(c -> c.providerSlug().equals(providerSlug)).map(StoredProviderConfig::alias).sorted().toList();
    }

    /**
     * Stores a new config; with {@code default_config} it clears the flag on the provider's other configs. The
     * caller has validated the fields and the alias's uniqueness; {@code secret}, when not null, is stored under
     * the config's secret id.
     */
    public synchronized StoredProviderConfig add(GatewayRef gateway, StoredProviderConfig config, String secret) {
        List<StoredProviderConfig> list = configs.computeIfAbsent(gateway, g -> new ArrayList<>());
        if (config.defaultConfig()) {
            list.replaceAll(c -> c.providerSlug().equals(config.providerSlug()) ? c.withDefault(false) : c);
        }
        list.add(config);
        if (secret != null) {
            secrets.put(config.secretId(), secret);
        }
        return config;
    }

    /** Replaces a config's key (P3); answers the updated config, or empty when there is no such config. */
    public synchronized Optional<StoredProviderConfig> rotate(GatewayRef gateway, String id, String secret, Instant at) {
        List<StoredProviderConfig> list = configs.getOrDefault(gateway, List.of());
        for (int i = 0; i < list.size(); i++) {
            StoredProviderConfig c = list.get(i);
            if (c.id().equals(id)) {
                StoredProviderConfig rotated = c.rotated(StoredProviderConfig.preview(secret), at);
                list.set(i, rotated);
                secrets.put(c.secretId(), secret);
                return Optional.of(rotated);
            }
        }
        return Optional.empty();
    }

    /** Deletes a config (P4); answers it as it was, or empty when there is no such config. */
    public synchronized Optional<StoredProviderConfig> delete(GatewayRef gateway, String id) {
        Optional<StoredProviderConfig> found = find(gateway, id);
        found.ifPresent(c -> {
            configs.get(gateway).remove(c);
            windows.remove(c.id());
        });
        return found;
    }

    /** Sets the value of a secret, as {@code PUT /__emulator/secrets/{secret_id}} does. */
    public void putSecret(String secretId, String value) {
        secrets.put(secretId, value);
    }

    /** Returns a secret's value, if one was stored or registered. */
    public Optional<String> secret(String secretId) {
        return Optional.ofNullable(secrets.get(secretId));
    }

    /**
     * The key that goes upstream for a config: its secret, or the placeholder {@code secret:{secret_id}} when a
     * config references a secret nobody registered (management-api-2.md 2.2).
     */
    public String keyOf(StoredProviderConfig config) {
        return secrets.getOrDefault(config.secretId(), "secret:" + config.secretId());
    }

    /**
     * Counts one call with a key that has a {@code rate_limit}: at most that many calls per fixed window of
     * {@code rate_limit_period} seconds, aligned to the epoch (management-api-2.md 2.3, [E]).
     *
     * @return false when the window is spent (the call must not be made)
     */
    public synchronized boolean tryCall(StoredProviderConfig config, Instant now) {
        if (config.rateLimit() == null) {
            return true;
        }
        long window = Math.floorDiv(now.getEpochSecond(), config.rateLimitPeriod());
        long[] state = windows.computeIfAbsent(config.id(), k -> new long[] {window, 0});
        if (state[0] != window) {
            state[0] = window;
            state[1] = 0;
        }
        if (state[1] >= config.rateLimit()) {
            return false;
        }
        state[1]++;
        return true;
    }

    /** Drops a deleted gateway's configs. */
    public synchronized void dropGateway(GatewayRef gateway) {
        List<StoredProviderConfig> dropped = configs.remove(gateway);
        if (dropped != null) {
            dropped.forEach(c -> windows.remove(c.id()));
        }
    }

    /** Forgets every config and secret (emulator reset). */
    public synchronized void clear() {
        configs.clear();
        secrets.clear();
        windows.clear();
    }
}
