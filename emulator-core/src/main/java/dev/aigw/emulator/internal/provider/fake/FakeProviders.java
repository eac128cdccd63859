package dev.aigw.emulator.internal.provider.fake;

import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps every built-in provider slug of the gateway to its fake. Providers with a real fake:
 * {@code openai}, {@code azure-openai} (OpenAI shapes, model from the deployment), {@code anthropic},
 * {@code workers-ai}, {@code google-ai-studio}, {@code google-vertex-ai} (Gemini models only), {@code groq},
 * {@code mistral}, {@code deepseek}, {@code openrouter}, {@code perplexity-ai}, {@code grok},
 * {@code cerebras}, {@code baseten}, {@code parallel} (OpenAI-compatible chat), {@code huggingface},
 * {@code cohere}. The others ({@code aws-bedrock}, {@code replicate}, {@code elevenlabs}, {@code cartesia},
 * {@code deepgram}, {@code fal}, {@code ideogram}, {@code saladcloud}, {@code neon}) answer a 501 that
 * says how to configure a real upstream. Immutable and thread-safe; every fake it returns never throws.
 */
public final class FakeProviders {

    private static final Set<OpenAiFake.Endpoint> CHAT_AND_MODELS =
            EnumSet.of(OpenAiFake.Endpoint.CHAT_COMPLETIONS, OpenAiFake.Endpoint.MODELS);

    private final Map<String, FakeProvider> bySlug;

    /** Creates the registry of built-in fakes. */
    public FakeProviders() {
        Map<String, FakeProvider> map = new LinkedHashMap<>();
        map.put("openai", OpenAiFake.openAi());
        map.put("anthropic", new AnthropicFake());
        map.put("workers-ai", new WorkersAiFake());
        map.put("azure-openai", new OpenAiFake("azure-openai", EnumSet.allOf(OpenAiFake.Endpoint.class),
                List.of("gpt-4o", "gpt-4o-mini")));
        map.put("google-ai-studio", new GoogleAiStudioFake());
        map.put("google-vertex-ai", new GoogleAiStudioFake());
        map.put("aws-bedrock", new NoFakeYet("aws-bedrock"));
        map.put("groq", compatible("groq", CHAT_AND_MODELS, "llama-3.3-70b-versatile", "llama-3.1-8b-instant"));
        map.put("mistral", compatible("mistral", EnumSet.of(OpenAiFake.Endpoint.CHAT_COMPLETIONS,
                OpenAiFake.Endpoint.EMBEDDINGS, OpenAiFake.Endpoint.MODELS), "mistral-large-latest",
                "mistral-small-latest", "mistral-embed"));
        map.put("openrouter", compatible("openrouter", CHAT_AND_MODELS, "openai/gpt-4o-mini",
                "anthropic/claude-sonnet-4.5"));
        map.put("deepseek", compatible("deepseek", CHAT_AND_MODELS, "deepseek-chat", "deepseek-reasoner"));
        map.put("perplexity-ai", compatible("perplexity-ai", CHAT_AND_MODELS, "sonar", "sonar-pro"));
        map.put("huggingface", new HuggingFaceFake());
        map.put("cohere", new CohereFake());
        map.put("grok", compatible("grok", CHAT_AND_MODELS, "grok-4", "grok-3-mini"));
        map.put("cerebras", compatible("cerebras", CHAT_AND_MODELS, "llama3.1-8b", "llama-3.3-70b"));
        map.put("replicate", new NoFakeYet("replicate"));
        map.put("baseten", compatible("baseten", CHAT_AND_MODELS, "deepseek-ai/DeepSeek-V3-0324"));
        map.put("parallel", compatible("parallel", EnumSet.of(OpenAiFake.Endpoint.CHAT_COMPLETIONS), "speed"));
        for (String slug : List.of("elevenlabs", "cartesia", "deepgram", "fal", "ideogram", "saladcloud", "neon")) {
            map.put(slug, new NoFakeYet(slug));
        }
        map.replaceAll((slug, fake) -> new NeverThrows(fake));
        this.bySlug = Map.copyOf(map);
    }

    /** Returns the fake for a built-in provider slug, or empty for an unknown slug (or a {@code custom-} one). */
    public Optional<FakeProvider> forSlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** Returns every slug this registry knows, the ones answering 501 included. */
    public Set<String> slugs() {
        return bySlug.keySet();
    }

    private static OpenAiFake compatible(String slug, Set<OpenAiFake.Endpoint> endpoints, String... models) {
        return new OpenAiFake(slug, endpoints, List.of(models));
    }

    /** Turns a fake's unexpected exception into that provider's 500, so that no request ever fails by throwing. */
    private static final class NeverThrows implements FakeProvider {

        private final FakeProvider delegate;

        NeverThrows(FakeProvider delegate) {
            this.delegate = delegate;
        }

        @Override
        public UpstreamReply answer(UpstreamRequest request) {
            try {
                return delegate.answer(request);
            } catch (RuntimeException e) {
                return serverError(request);
            }
        }

        @Override
        public UpstreamReply error(int status, UpstreamRequest request) {
            try {
                return delegate.error(status, request);
            } catch (RuntimeException e) {
                return serverError(request);
            }
        }

        private UpstreamReply serverError(UpstreamRequest request) {
            try {
                return delegate.error(500, request);
            } catch (RuntimeException e) {
                return OpenAiErrors.forStatus(500, "the requested model");
            }
        }

        @Override
        public String toString() {
            return delegate.getClass().getSimpleName();
        }
    }
}
