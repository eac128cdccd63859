package dev.aigw.emulator.internal.provider.registry;

import static dev.aigw.emulator.internal.provider.CredentialHeader.named;
import static dev.aigw.emulator.internal.provider.PathStyle.AZURE;
import static dev.aigw.emulator.internal.provider.PathStyle.BEDROCK;
import static dev.aigw.emulator.internal.provider.PathStyle.DEDUPE_V1;
import static dev.aigw.emulator.internal.provider.PathStyle.PLAIN;
import static dev.aigw.emulator.internal.provider.PathStyle.PREFIX_V1;
import static dev.aigw.emulator.internal.provider.PathStyle.VERTEX;
import static dev.aigw.emulator.internal.provider.PathStyle.WORKERS_AI;
import static dev.aigw.emulator.internal.provider.compat.CompatTranslation.Dialect.ANTHROPIC;
import static dev.aigw.emulator.internal.provider.compat.CompatTranslation.Dialect.GOOGLE;
import static dev.aigw.emulator.internal.provider.compat.CompatTranslation.Dialect.OPENAI;
import static dev.aigw.emulator.internal.provider.fake.OpenAiEndpoint.CHAT_COMPLETIONS;
import static dev.aigw.emulator.internal.provider.fake.OpenAiEndpoint.EMBEDDINGS;
import static dev.aigw.emulator.internal.provider.fake.OpenAiEndpoint.MODELS;
import static dev.aigw.emulator.internal.provider.registry.ProviderEntry.provider;

import dev.aigw.emulator.internal.provider.fake.Fakes;
import dev.aigw.emulator.internal.provider.fake.OpenAiEndpoint;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The providers the gateway knows (proxy.md 1.2), one entry each. Slugs of the newer docs without a documented
 * base URL get their provider's public API host [E]; those without a fake answer a 501 that says how to
 * configure a real upstream. The compat endpoint translates for real to Anthropic and Gemini, and as the
 * identity to the OpenAI-compatible APIs (proxy.md 1.5).
 */
final class BuiltInProviders {

    private static final Set<OpenAiEndpoint> CHAT_AND_MODELS = EnumSet.of(CHAT_COMPLETIONS, MODELS);

    private BuiltInProviders() {
    }

    /** Returns an entry of every built-in provider, in the order of proxy.md 1.2. */
    static List<ProviderEntry> entries() {
        return List.of(
                provider("openai").upstream("https://api.openai.com", "/v1", DEDUPE_V1)
                        .fake(Fakes.openAi()).compat(OPENAI, "chat/completions").build(),
                provider("anthropic").upstream("https://api.anthropic.com").credential(named("x-api-key"))
                        .fake(Fakes.anthropic()).compat(ANTHROPIC, "v1/messages").build(),
                provider("workers-ai").upstream("https://api.cloudflare.com", "", WORKERS_AI)
                        .fake(Fakes.workersAi()).compat(OPENAI, "v1/chat/completions").build(),
                provider("azure-openai").upstream("https://openai.azure.com", "", AZURE).credential(named("api-key"))
                        .openAiFake(EnumSet.allOf(OpenAiEndpoint.class), "gpt-4o", "gpt-4o-mini").build(),
                provider("google-ai-studio").upstream("https://generativelanguage.googleapis.com")
                        .credential(named("x-goog-api-key")).fake(Fakes.gemini()).compat(GOOGLE, "v1beta/models")
                        .build(),
                provider("google-vertex-ai").upstream("https://aiplatform.googleapis.com", "", VERTEX)
                        .fake(Fakes.gemini()).build(),
                provider("aws-bedrock").upstream("https://bedrock-runtime.us-east-1.amazonaws.com", "", BEDROCK)
                        .build(),
                provider("groq").upstream("https://api.groq.com", "/openai/v1", DEDUPE_V1)
                        .openAiFake(CHAT_AND_MODELS, "llama-3.3-70b-versatile", "llama-3.1-8b-instant")
                        .compat(OPENAI, "chat/completions").build(),
                provider("mistral").upstream("https://api.mistral.ai")
                        .openAiFake(EnumSet.of(CHAT_COMPLETIONS, EMBEDDINGS, MODELS), "mistral-large-latest",
                                "mistral-small-latest", "mistral-embed")
                        .compat(OPENAI, "v1/chat/completions").build(),
                provider("openrouter").upstream("https://openrouter.ai", "/api", PREFIX_V1)
                        .openAiFake(CHAT_AND_MODELS, "openai/gpt-4o-mini", "anthropic/claude-sonnet-4.5")
                        .compat(OPENAI, "v1/chat/completions").build(),
                provider("deepseek").upstream("https://api.deepseek.com")
                        .openAiFake(CHAT_AND_MODELS, "deepseek-chat", "deepseek-reasoner")
                        .compat(OPENAI, "chat/completions").build(),
                provider("perplexity-ai").upstream("https://api.perplexity.ai")
                        .openAiFake(CHAT_AND_MODELS, "sonar", "sonar-pro")
                        .compat(OPENAI, "chat/completions").compatAlias("perplexity").build(),
                provider("huggingface").upstream("https://api-inference.huggingface.co", "/models", PLAIN)
                        .fake(Fakes.huggingFace()).build(),
                provider("cohere").upstream("https://api.cohere.ai", "", PREFIX_V1)
                        .fake(Fakes.cohere()).compat(OPENAI, "compatibility/v1/chat/completions").build(),
                provider("grok").upstream("https://api.x.ai", "", PREFIX_V1)
                        .openAiFake(CHAT_AND_MODELS, "grok-4", "grok-3-mini")
                        .compat(OPENAI, "v1/chat/completions").build(),
                provider("cerebras").upstream("https://api.cerebras.ai", "/v1", DEDUPE_V1)
                        .openAiFake(CHAT_AND_MODELS, "llama3.1-8b", "llama-3.3-70b")
                        .compat(OPENAI, "chat/completions").build(),
                provider("replicate").upstream("https://api.replicate.com", "/v1", DEDUPE_V1).build(),
                provider("elevenlabs").upstream("https://api.elevenlabs.io").credential(named("xi-api-key")).build(),
                provider("cartesia").upstream("https://api.cartesia.ai").credential(named("x-api-key")).build(),
                provider("deepgram").upstream("https://api.deepgram.com").build(),
                provider("fal").upstream("https://fal.run").build(),
                provider("ideogram").upstream("https://api.ideogram.ai").credential(named("api-key")).build(),
                provider("baseten").upstream("https://inference.baseten.co")
                        .openAiFake(CHAT_AND_MODELS, "deepseek-ai/DeepSeek-V3-0324")
                        .compat(OPENAI, "chat/completions").build(),
                provider("parallel").upstream("https://api.parallel.ai").credential(named("x-api-key"))
                        .openAiFake(EnumSet.of(CHAT_COMPLETIONS), "speed")
                        .compat(OPENAI, "chat/completions").build(),
                provider("saladcloud").upstream("https://api.salad.com").credential(named("salad-api-key")).build(),
                provider("neon").upstream("https://api.neon.tech").build());
    }
}
