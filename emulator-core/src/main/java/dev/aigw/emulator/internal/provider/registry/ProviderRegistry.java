package dev.aigw.emulator.internal.provider.registry;

import dev.aigw.emulator.internal.util.Suggestions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The providers one emulator knows, by slug and by compat-endpoint model prefix: the built-in ones, and those
 * registered while it runs. Thread-safe: lookups read an immutable snapshot without locking, and a registration
 * replaces the snapshot whole, so a request sees a provider either fully or not at all.
 */
public final class ProviderRegistry {

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

    /** Creates a registry holding the built-in providers of proxy.md 1.2. */
    public static ProviderRegistry withBuiltIns() {
        ProviderRegistry registry = new ProviderRegistry();
        BuiltInProviders.entries().forEach(registry::register);
        return registry;
    }

    /**
     * Adds a provider; from then on requests can address it. Throws {@link IllegalArgumentException} when its
     * slug or one of its compat aliases already names a provider.
     */
    public synchronized void register(ProviderEntry entry) {
        Snapshot current = snapshot;
        Map<String, ProviderEntry> bySlug = new LinkedHashMap<>(current.bySlug());
        Map<String, ProviderEntry> byCompatPrefix = new LinkedHashMap<>(current.byCompatPrefix());
        claim(bySlug, entry.slug(), entry);
        claim(byCompatPrefix, entry.slug(), entry);
        entry.compatAliases().forEach(alias -> claim(byCompatPrefix, alias, entry));
        snapshot = new Snapshot(Collections.unmodifiableMap(bySlug), Collections.unmodifiableMap(byCompatPrefix));
    }

    /** Finds a provider by its path slug. */
    public Optional<ProviderEntry> find(String slug) {
        return Optional.ofNullable(snapshot.bySlug().get(slug));
    }

    /** Finds a provider by a compat-endpoint model prefix: its slug or one of its aliases (e.g. {@code perplexity}). */
    public Optional<ProviderEntry> findCompat(String prefix) {
        return Optional.ofNullable(snapshot.byCompatPrefix().get(prefix));
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
    }
}
