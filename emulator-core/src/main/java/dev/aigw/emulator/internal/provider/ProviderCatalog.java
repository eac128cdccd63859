package dev.aigw.emulator.internal.provider;

import static dev.aigw.emulator.internal.provider.PathStyle.AZURE;
import static dev.aigw.emulator.internal.provider.PathStyle.BEDROCK;
import static dev.aigw.emulator.internal.provider.PathStyle.DEDUPE_V1;
import static dev.aigw.emulator.internal.provider.PathStyle.PLAIN;
import static dev.aigw.emulator.internal.provider.PathStyle.PREFIX_V1;
import static dev.aigw.emulator.internal.provider.PathStyle.VERTEX;
import static dev.aigw.emulator.internal.provider.PathStyle.WORKERS_AI;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The providers the gateway knows (proxy.md 1.2): slug, real upstream and path mapping. Slugs of the
 * newer docs without a documented base URL get their provider's public API host. [E]
 */
public final class ProviderCatalog {

    private static final String BEARER = "authorization";

    private static final List<ProviderSpec> BUILT_IN = List.of(
            new ProviderSpec("openai", "https://api.openai.com", "/v1", DEDUPE_V1, BEARER),
            new ProviderSpec("anthropic", "https://api.anthropic.com", "", PLAIN, "x-api-key"),
            new ProviderSpec("workers-ai", "https://api.cloudflare.com", "", WORKERS_AI, BEARER),
            new ProviderSpec("azure-openai", "https://openai.azure.com", "", AZURE, "api-key"),
            new ProviderSpec("google-ai-studio", "https://generativelanguage.googleapis.com", "", PLAIN, "x-goog-api-key"),
            new ProviderSpec("google-vertex-ai", "https://aiplatform.googleapis.com", "", VERTEX, BEARER),
            new ProviderSpec("aws-bedrock", "https://bedrock-runtime.us-east-1.amazonaws.com", "", BEDROCK, BEARER),
            new ProviderSpec("groq", "https://api.groq.com", "/openai/v1", DEDUPE_V1, BEARER),
            new ProviderSpec("mistral", "https://api.mistral.ai", "", PLAIN, BEARER),
            new ProviderSpec("openrouter", "https://openrouter.ai", "/api", PREFIX_V1, BEARER),
            new ProviderSpec("deepseek", "https://api.deepseek.com", "", PLAIN, BEARER),
            new ProviderSpec("perplexity-ai", "https://api.perplexity.ai", "", PLAIN, BEARER),
            new ProviderSpec("huggingface", "https://api-inference.huggingface.co", "/models", PLAIN, BEARER),
            new ProviderSpec("cohere", "https://api.cohere.ai", "", PREFIX_V1, BEARER),
            new ProviderSpec("grok", "https://api.x.ai", "", PREFIX_V1, BEARER),
            new ProviderSpec("cerebras", "https://api.cerebras.ai", "/v1", DEDUPE_V1, BEARER),
            new ProviderSpec("replicate", "https://api.replicate.com", "/v1", DEDUPE_V1, BEARER),
            new ProviderSpec("elevenlabs", "https://api.elevenlabs.io", "", PLAIN, "xi-api-key"),
            new ProviderSpec("cartesia", "https://api.cartesia.ai", "", PLAIN, "x-api-key"),
            new ProviderSpec("deepgram", "https://api.deepgram.com", "", PLAIN, BEARER),
            new ProviderSpec("fal", "https://fal.run", "", PLAIN, BEARER),
            new ProviderSpec("ideogram", "https://api.ideogram.ai", "", PLAIN, "api-key"),
            new ProviderSpec("baseten", "https://inference.baseten.co", "", PLAIN, BEARER),
            new ProviderSpec("parallel", "https://api.parallel.ai", "", PLAIN, "x-api-key"),
            new ProviderSpec("saladcloud", "https://api.salad.com", "", PLAIN, "salad-api-key"),
            new ProviderSpec("neon", "https://api.neon.tech", "", PLAIN, BEARER));

    /** Compat-endpoint model prefixes that differ from the provider's slug. */
    private static final Map<String, String> COMPAT_ALIASES = Map.of("perplexity", "perplexity-ai");

    private final Map<String, ProviderSpec> bySlug = new LinkedHashMap<>();

    public ProviderCatalog() {
        BUILT_IN.forEach(p -> bySlug.put(p.slug(), p));
    }

    /** Finds a provider by its path slug. */
    public Optional<ProviderSpec> find(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** Finds a provider by a compat-endpoint model prefix (e.g. {@code perplexity}). */
    public Optional<ProviderSpec> findCompat(String prefix) {
        return find(COMPAT_ALIASES.getOrDefault(prefix, prefix));
    }

    /** Returns every known slug. */
    public Set<String> slugs() {
        return bySlug.keySet();
    }
}
