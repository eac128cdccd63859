package dev.aigw.emulator.internal.provider.registry;

import dev.aigw.emulator.internal.util.Suggestions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The providers one emulator knows, by slug and by compat-endpoint model prefix: the built-in ones, and those
 * registered while it runs. Thread-safe: lookups read an immutable snapshot without locking, and a registration
 * replaces the snapshot whole, so a request sees a provider either fully or not at all.
 */
public final class ProviderRegistry {

    private static final Pattern CUSTOM = Pattern.compile("custom-[a-z0-9]+(-[a-z0-9]+)*");

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());
    private volatile Map<String, Map<String, ProviderEntry>> byAccount = Map.of();

    /**
     * Creates a registry holding the built-in providers of proxy.md 1.2. Their entries are immutable (the fakes keep
     * no state), so every emulator of the JVM starts from the same snapshot, made once.
     */
    public static ProviderRegistry withBuiltIns() {
        ProviderRegistry registry = new ProviderRegistry();
        registry.snapshot = BuiltIns.SNAPSHOT;
        return registry;
    }

    /**
     * Adds a provider; from then on requests can address it. Throws {@link IllegalArgumentException} when its
     * slug or one of its compat aliases already names a provider.
     */
    public synchronized void register(ProviderEntry entry) {
        snapshot = snapshot.with(List.of(entry));
    }

    /** Finds a provider by its path slug. */
    public Optional<ProviderEntry> find(String slug) {
        return Optional.ofNullable(snapshot.bySlug().get(slug));
    }

    /**
     * Adds or replaces a provider only one account can address (a custom provider, whose slug is unique per
     * account, management-api-2.md 3); its slug must not name a provider every account knows.
     */
    public synchronized void registerForAccount(String accountId, ProviderEntry entry) {
        if (snapshot.bySlug().containsKey(entry.slug())) {
            throw new IllegalArgumentException("'" + entry.slug() + "' already names a built-in provider");
        }
        Map<String, Map<String, ProviderEntry>> all = new LinkedHashMap<>(byAccount);
        Map<String, ProviderEntry> own = new LinkedHashMap<>(all.getOrDefault(accountId, Map.of()));
        own.put(entry.slug(), entry);
        all.put(accountId, Collections.unmodifiableMap(own));
        byAccount = Collections.unmodifiableMap(all);
    }

    /** Removes a provider of one account, if it has it; from then on its requests are refused. */
    public synchronized void unregisterForAccount(String accountId, String slug) {
        Map<String, ProviderEntry> current = byAccount.get(accountId);
        if (current == null || !current.containsKey(slug)) {
            return;
        }
        Map<String, Map<String, ProviderEntry>> all = new LinkedHashMap<>(byAccount);
        Map<String, ProviderEntry> own = new LinkedHashMap<>(current);
        own.remove(slug);
        all.put(accountId, Collections.unmodifiableMap(own));
        byAccount = Collections.unmodifiableMap(all);
    }

    /** Removes every provider registered for an account. */
    public synchronized void clearAccounts() {
        byAccount = Map.of();
    }

    /** Finds a provider an account can address by path slug: a built-in one, or one of the account's own. */
    public Optional<ProviderEntry> find(String accountId, String slug) {
        ProviderEntry shared = snapshot.bySlug().get(slug);
        return shared != null ? Optional.of(shared)
                : Optional.ofNullable(byAccount.getOrDefault(accountId, Map.of()).get(slug));
    }

    /** Finds a provider an account can address by compat-endpoint model prefix: built-in ones, then its own. */
    public Optional<ProviderEntry> findCompat(String accountId, String prefix) {
        ProviderEntry shared = snapshot.byCompatPrefix().get(prefix);
        return shared != null ? Optional.of(shared)
                : Optional.ofNullable(byAccount.getOrDefault(accountId, Map.of()).get(prefix));
    }

    /** Finds a provider by a compat-endpoint model prefix: its slug or one of its aliases (e.g. {@code perplexity}). */
    public Optional<ProviderEntry> findCompat(String prefix) {
        return Optional.ofNullable(snapshot.byCompatPrefix().get(prefix));
    }

    /**
     * Tells whether a slug can name a provider in scripts, reply rules and journal queries: a built-in one, or any
     * {@code custom-{slug}} (an account may create it at any time, management-api-2.md 3).
     */
    public boolean names(String slug) {
        return snapshot.bySlug().containsKey(slug) || CUSTOM.matcher(slug).matches();
    }

    /** Returns the slugs known now, in the order they were registered. */
    public Set<String> slugs() {
        return snapshot.bySlug().keySet();
    }

    /**
     * Returns why a slug names no provider, for refusals: {@code unknown provider "opnai" (did you mean "openai"?);
     * known: openai, anthropic, ...}.
     */
    public String unknown(String slug) {
        Set<String> known = slugs();
        return "unknown provider \"" + slug + "\"" + Suggestions.didYouMean(slug, known) + "; known: "
                + String.join(", ", known);
    }

    private static void claim(Map<String, ProviderEntry> names, String name, ProviderEntry entry) {
        ProviderEntry taken = names.putIfAbsent(name, entry);
        if (taken != null) {
            throw new IllegalArgumentException("'" + name + "' already names provider '" + taken.slug()
                    + "'; register '" + entry.slug() + "' under other names");
        }
    }

    private record Snapshot(Map<String, ProviderEntry> bySlug, Map<String, ProviderEntry> byCompatPrefix) {

        /** Returns this snapshot with the entries added, in their order. */
        Snapshot with(List<ProviderEntry> entries) {
            Map<String, ProviderEntry> slugs = new LinkedHashMap<>(bySlug);
            Map<String, ProviderEntry> prefixes = new LinkedHashMap<>(byCompatPrefix);
            for (ProviderEntry entry : entries) {
                claim(slugs, entry.slug(), entry);
                claim(prefixes, entry.slug(), entry);
                entry.compatAliases().forEach(alias -> claim(prefixes, alias, entry));
            }
            return new Snapshot(Collections.unmodifiableMap(slugs), Collections.unmodifiableMap(prefixes));
        }
    }

    /** The built-in providers, made when the first registry of the JVM is. */
    private static final class BuiltIns {
        static final Snapshot SNAPSHOT = new Snapshot(Map.of(), Map.of()).with(BuiltInProviders.entries());
    }
}
