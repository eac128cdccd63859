package dev.aigw.emulator.internal.control;

import dev.aigw.emulator.internal.ScopeFilter;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.util.Suggestions;
import java.util.List;

/**
 * Reads what the control API's listings and script calls take from the URL: the known query parameters only
 * (another is refused by name, most likely a typo that would silently select everything) and provider slugs that
 * name a provider.
 */
final class ControlQuery {

    private ControlQuery() {
    }

    /** Reads {@code provider}, {@code gateway_id} and {@code test_id}, of which only {@code allowed} may appear. */
    static ScopeFilter filter(ApiRequest request, ProviderRegistry providers, List<String> allowed) {
        onlyKnown(request, allowed);
        return new ScopeFilter(request.query("provider").map(slug -> provider(providers, slug)).orElse(null),
                request.query("gateway_id").orElse(null), request.query("test_id").orElse(null));
    }

    /** Refuses a query parameter other than {@code allowed}, naming it and the closest allowed one. */
    static void onlyKnown(ApiRequest request, List<String> allowed) {
        for (String name : request.queryParameters().keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.validation("unknown query parameter \"" + name + "\""
                        + Suggestions.didYouMean(name, allowed) + "; this call takes " + String.join(", ", allowed),
                        List.of("query", name));
            }
        }
    }

    /** Reads a {@code true}/{@code false} query parameter, false when absent; another value is refused by name. */
    static boolean flag(ApiRequest request, String name) {
        String value = request.query(name).orElse("false");
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiException.validation(name + ": expected true or false, got \"" + value + "\"",
                    List.of("query", name));
        }
        return value.equals("true");
    }

    /** Returns {@code slug} if it names a provider; refuses it otherwise, naming the closest slugs. */
    static String provider(ProviderRegistry providers, String slug) {
        if (!providers.names(slug)) {
            throw ApiException.validation(providers.unknown(slug), List.of("provider"));
        }
        return slug;
    }
}
