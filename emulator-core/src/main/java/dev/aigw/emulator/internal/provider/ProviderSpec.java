package dev.aigw.emulator.internal.provider;

import java.util.Optional;

/**
 * Where a provider lives upstream: its slug, its real origin, how paths map onto it and its credential header.
 *
 * @param slug the path segment after the gateway id, e.g. {@code openai}
 * @param origin the real provider's origin, e.g. {@code https://api.openai.com}
 * @param basePath the path the slug stands for, e.g. {@code /v1} (empty for none)
 * @param style how the rest of the path maps
 * @param credential the header that carries the provider's credential
 */
public record ProviderSpec(String slug, String origin, String basePath, PathStyle style, CredentialHeader credential) {

    /** Returns the upstream target of a path below the provider's base, without any normalisation. */
    public PathStyle.Target exact(String pathBelowBase, String accountId) {
        return new PathStyle.Target(origin, style.basePath(this, accountId) + "/" + pathBelowBase);
    }

    /** Maps the path after the slug (no leading {@code /}) to the upstream target. */
    public Optional<PathStyle.Target> target(String rest, String accountId) {
        return style.map(this, rest, accountId);
    }
}
