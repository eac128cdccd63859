package dev.aigw.emulator.internal.provider.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.provider.CredentialHeader;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.PathStyle;
import dev.aigw.emulator.internal.provider.ProviderSpec;
import dev.aigw.emulator.internal.provider.compat.CompatRoute;
import dev.aigw.emulator.internal.provider.compat.CompatTranslation;
import dev.aigw.emulator.internal.provider.fake.Fakes;
import dev.aigw.emulator.internal.provider.fake.OpenAiEndpoint;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the emulator knows about one provider, declared in one place: where it lives upstream and how
 * paths map onto it, its credential header, the fake that answers for it, how the OpenAI-compatible endpoint
 * reaches it and the other names that endpoint knows it by. Immutable and thread-safe.
 *
 * @param upstream the slug, real origin, path rules and credential header
 * @param fake the fake that answers when no real upstream is configured, kept as one that never throws
 * @param compat how {@code /compat/chat/completions} reaches the provider; empty when the emulator does not
 *     translate for it yet
 * @param compatAliases model prefixes of the compat endpoint that name this provider besides its slug
 */
public record ProviderEntry(ProviderSpec upstream, FakeProvider fake, Optional<CompatRoute> compat,
                            Set<String> compatAliases) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public ProviderEntry {
        Objects.requireNonNull(upstream, "upstream");
        fake = Fakes.neverThrowing(upstream.slug(), fake);
        Objects.requireNonNull(compat, "compat");
        compatAliases = Set.copyOf(compatAliases);
    }

    /** Starts declaring the provider addressed as {@code /{slug}/...}. */
    public static Builder provider(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException(
                    "a provider slug is lower-case letters, digits and '-', starting with a letter or digit; got: "
                            + slug);
        }
        return new Builder(slug);
    }

    /** Returns the provider's slug, e.g. {@code openai}. */
    public String slug() {
        return upstream.slug();
    }

    /**
     * Maps an OpenAI Chat Completions request for one of this provider's models to its native request; throws
     * {@link ApiException} 400/2005 when the emulator does not translate for this provider yet.
     */
    public CompatTranslation.Target compatTarget(String model, ObjectNode openAiRequest) {
        CompatRoute route = compat.orElseThrow(() -> ApiException.frontDoor(400, ApiError.of(2005,
                "Failed to get response from provider: the emulator does not translate /compat/chat/completions "
                        + "requests for provider '" + slug() + "' yet; call its native endpoint /" + slug()
                        + "/... instead")));
        return route.target(slug(), upstream.credential(), model, openAiRequest);
    }

    /** Declares a provider field by field; what is not declared takes the documented default. */
    public static final class Builder {

        private final String slug;
        private String origin;
        private String basePath = "";
        private PathStyle style = PathStyle.PLAIN;
        private CredentialHeader credential = CredentialHeader.BEARER;
        private FakeProvider fake;
        private CompatRoute compat;
        private final Set<String> compatAliases = new LinkedHashSet<>();
        private Map<String, String> headers = Map.of();

        private Builder(String slug) {
            this.slug = slug;
        }

        /** Sets the real provider's origin; {@code /{slug}/{rest}} goes to {@code {origin}/{rest}}. */
        public Builder upstream(String origin) {
            return upstream(origin, "", PathStyle.PLAIN);
        }

        /** Sets the real provider's origin, the path the slug stands for and how the rest of the path maps. */
        public Builder upstream(String origin, String basePath, PathStyle style) {
            this.origin = Objects.requireNonNull(origin, "origin");
            this.basePath = Objects.requireNonNull(basePath, "basePath");
            this.style = Objects.requireNonNull(style, "style");
            return this;
        }

        /** Sets the header the provider takes its credential in; default {@code authorization: Bearer}. */
        public Builder credential(CredentialHeader credential) {
            this.credential = Objects.requireNonNull(credential, "credential");
            return this;
        }

        /** Sets the fake that answers for the provider; default: a 501 that says there is no fake yet. */
        public Builder fake(FakeProvider fake) {
            this.fake = Objects.requireNonNull(fake, "fake");
            return this;
        }

        /** Sets a fake that speaks OpenAI's API: only {@code endpoints}, listing {@code models}. */
        public Builder openAiFake(Set<OpenAiEndpoint> endpoints, String... models) {
            return fake(Fakes.openAiCompatible(slug, endpoints, models));
        }

        /**
         * Declares that {@code /compat/chat/completions} reaches the provider through {@code dialect} at
         * {@code path}; default: not translated (400/2005), but for a custom provider, which speaks OpenAI's
         * Chat Completions at {@code chat/completions} (proxy.md 1.5).
         */
        public Builder compat(CompatTranslation.Dialect dialect, String path) {
            this.compat = new CompatRoute(dialect, path);
            return this;
        }

        /** Sets headers the gateway adds to every request to the provider; a client header of the same name wins. */
        public Builder headers(Map<String, String> headers) {
            this.headers = Map.copyOf(headers);
            return this;
        }

        /** Adds a compat-endpoint model prefix that names the provider besides its slug (e.g. {@code perplexity}). */
        public Builder compatAlias(String alias) {
            compatAliases.add(Objects.requireNonNull(alias, "alias"));
            return this;
        }

        /** Returns the entry; the upstream origin must have been set. */
        public ProviderEntry build() {
            if (origin == null) {
                throw new IllegalStateException("provider '" + slug + "' needs an upstream origin: call upstream(..)");
            }
            CompatRoute route = compat != null ? compat
                    : slug.startsWith("custom-") ? new CompatRoute(CompatTranslation.Dialect.OPENAI, "chat/completions")
                    : null;
            return new ProviderEntry(new ProviderSpec(slug, origin, basePath, style, credential, headers),
                    fake != null ? fake : Fakes.noFakeYet(slug), Optional.ofNullable(route),
                    compatAliases);
        }
    }
}
