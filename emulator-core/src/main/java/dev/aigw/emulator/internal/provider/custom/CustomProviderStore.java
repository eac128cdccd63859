package dev.aigw.emulator.internal.provider.custom;

import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.provider.PathStyle;
import dev.aigw.emulator.internal.provider.fake.OpenAiEndpoint;
import dev.aigw.emulator.internal.provider.registry.ProviderEntry;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * The custom providers of every account, kept in step with the provider registry: an enabled provider is
 * registered for its account as {@code custom-{slug}}, a disabled or deleted one is not (management-api-2.md 3.4).
 * Thread-safe: every change holds the store's lock, so the registry never sees two providers claim one slug.
 */
public final class CustomProviderStore {

    private final ProviderRegistry registry;
    private final BiConsumer<String, String> changed;
    private final Map<String, Map<String, CustomProvider>> byAccount = new HashMap<>();

    /**
     * Creates the store; {@code changed} hears the account id and {@code custom-{slug}} of every provider updated or
     * deleted, whose cached responses go with it (management-api-2.md 3.4).
     */
    public CustomProviderStore(ProviderRegistry registry, BiConsumer<String, String> changed) {
        this.registry = registry;
        this.changed = changed;
    }

    /** Stores a new provider; 409/1003 when its slug is taken in the account. */
    public synchronized CustomProvider create(String accountId, CustomProvider provider) {
        refuseTakenSlug(accountId, provider.slug(), null);
        own(accountId).put(provider.id(), provider);
        route(accountId, null, provider);
        return provider;
    }

    /** Returns a provider; 404/1004 when the account has none with this id. */
    public synchronized CustomProvider get(String accountId, String id) {
        CustomProvider provider = byAccount.getOrDefault(accountId, Map.of()).get(id);
        if (provider == null) {
            throw notFound();
        }
        return provider;
    }

    /** Replaces a provider by {@code change} of it; 404/1004 when unknown, 409/1003 for a slug taken by another. */
    public synchronized CustomProvider update(String accountId, String id, UnaryOperator<CustomProvider> change) {
        CustomProvider before = get(accountId, id);
        CustomProvider after = change.apply(before);
        refuseTakenSlug(accountId, after.slug(), id);
        own(accountId).put(id, after);
        route(accountId, before, after);
        return after;
    }

    /** Deletes a provider, whose traffic stops at once; 404/1004 when unknown. */
    public synchronized CustomProvider delete(String accountId, String id) {
        CustomProvider provider = get(accountId, id);
        own(accountId).remove(id);
        route(accountId, provider, null);
        return provider;
    }

    /** Returns the account's providers in creation order. */
    public synchronized List<CustomProvider> list(String accountId) {
        return new ArrayList<>(byAccount.getOrDefault(accountId, Map.of()).values());
    }

    /** Forgets every provider of every account. */
    public synchronized void clear() {
        byAccount.clear();
        registry.clearAccounts();
    }

    /** 404/1004, this resource's own "not found" (management-api-2.md 3.3). */
    public static ApiException notFound() {
        return ApiException.service(404, ApiError.of(1004, "Custom Provider not found"));
    }

    /** 400/1002, this resource's own validation error, located at {@code path}. */
    public static ApiException invalid(String message, List<String> path) {
        return ApiException.service(400, new ApiError(1002, message, path, List.of()));
    }

    private Map<String, CustomProvider> own(String accountId) {
        return byAccount.computeIfAbsent(accountId, a -> new LinkedHashMap<>());
    }

    private void refuseTakenSlug(String accountId, String slug, String exceptId) {
        boolean taken = byAccount.getOrDefault(accountId, Map.of()).values().stream()
                .anyMatch(p -> p.slug().equals(slug) && !p.id().equals(exceptId));
        if (taken) {
            throw ApiException.service(409, new ApiError(1003, "A custom provider with this slug already exists",
                    List.of("body", "slug"), List.of()));
        }
    }

    private void route(String accountId, CustomProvider before, CustomProvider after) {
        if (before != null) {
            registry.unregisterForAccount(accountId, before.pathSlug());
            changed.accept(accountId, before.pathSlug());
        }
        if (after != null && after.enable()) {
            registry.registerForAccount(accountId, entry(after));
        }
    }

    /** Declares the provider for the data plane: {@code custom-{slug}/{rest}} goes to {@code {base_url}/{rest}}. */
    static ProviderEntry entry(CustomProvider provider) {
        URI uri = URI.create(provider.baseUrl());
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return ProviderEntry.provider(provider.pathSlug()).upstream(origin, path, PathStyle.PLAIN)
                .headers(provider.parsedHeaders())
                .openAiFake(EnumSet.allOf(OpenAiEndpoint.class))
                .build();
    }
}
