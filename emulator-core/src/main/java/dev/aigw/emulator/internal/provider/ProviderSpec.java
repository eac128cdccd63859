package dev.aigw.emulator.internal.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a provider lives upstream: its slug, its real origin, how paths map onto it and its credential header.
 *
 * @param slug the path segment after the gateway id, e.g. {@code openai}
 * @param origin the real provider's origin, e.g. {@code https://api.openai.com}
 * @param basePath the path the slug stands for, e.g. {@code /v1} (empty for none)
 * @param style how the rest of the path maps
 * @param credential the header that carries the provider's credential
 * @param extraHeaders headers the gateway adds to every request to the provider (a custom provider's
 *     {@code headers}), names in lower case; a client header of the same name wins
 */
public record ProviderSpec(String slug, String origin, String basePath, PathStyle style, CredentialHeader credential,
                           Map<String, String> extraHeaders) {

    /** Hop-by-hop names, which a provider's own headers may not set (management-api-2.md 3.4) [E]. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length");

    public ProviderSpec {
        Map<String, String> kept = new LinkedHashMap<>();
        extraHeaders.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("cf-aig-") && !HOP_BY_HOP.contains(lower)) {
                kept.put(lower, value);
            }
        });
        extraHeaders = Map.copyOf(kept);
    }

    /** Declares a provider that adds no headers of its own. */
    public ProviderSpec(String slug, String origin, String basePath, PathStyle style, CredentialHeader credential) {
        this(slug, origin, basePath, style, credential, Map.of());
    }

    /** Returns {@code headers} with the provider's own headers added where the client sent none of that name. */
    public Map<String, List<String>> withExtraHeaders(Map<String, List<String>> headers) {
        if (extraHeaders.isEmpty()) {
            return headers;
        }
        Map<String, List<String>> merged = new LinkedHashMap<>(headers);
        extraHeaders.forEach((name, value) -> merged.putIfAbsent(name, List.of(value)));
        return merged;
    }

    /** Returns the upstream target of a path below the provider's base, without any normalisation. */
    public PathStyle.Target exact(String pathBelowBase, String accountId) {
        return new PathStyle.Target(origin, style.basePath(this, accountId) + "/" + pathBelowBase);
    }

    /** Maps the path after the slug (no leading {@code /}) to the upstream target. */
    public Optional<PathStyle.Target> target(String rest, String accountId) {
        return style.map(this, rest, accountId);
    }
}
