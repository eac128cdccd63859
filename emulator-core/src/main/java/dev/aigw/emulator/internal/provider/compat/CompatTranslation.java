package dev.aigw.emulator.internal.provider.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates the gateway's OpenAI-compatible endpoint ({@code /compat/chat/completions}, proxy.md 1.5) to
 * and from each provider's native API, so that the proxy needs no knowledge of provider formats.
 *
 * <p>Contract: the proxy splits the request's {@code model} at its first {@code /} into provider and model
 * (handling {@code dynamic/...} itself) and calls {@link #target}. It then sends
 * {@code POST {provider's upstream base}/{target.path()}[?{target.query()}]} with {@code target.body()},
 * headers from {@link Target#upstreamHeaders} in place of the client's {@code authorization}, and no
 * proxy.md 1.2.1 path normalisation (the path is already the provider's exact one). It passes the answer,
 * whole or stream, to {@link #toOpenAi} (or, to translate a stream while it flows, feeds the events to
 * {@link #eventTranslator}). Non-2xx answers come back unchanged (provider errors pass through, as on
 * native endpoints); so do bodies that are not JSON. The body's kind decides the answer's: a whole native
 * body becomes a whole {@code chat.completion} (even if the client asked to stream), a native stream (or
 * Gemini's JSON array of chunks) becomes a chunk stream. Translated answers keep the provider's headers but get
 * {@code content-type: application/json} or {@code text/event-stream}; the OpenAI {@code id} is
 * {@code chatcmpl-} plus the native id, {@code model} the model the provider reports, {@code created} the
 * given instant. Streams end with {@code data: [DONE]}, preceded by a usage chunk when the request set
 * {@code stream_options.include_usage}.
 *
 * <p>Translated for real: {@code anthropic} ({@code v1/messages}, see {@link AnthropicCompat}) and
 * {@code google-ai-studio} ({@code v1beta/models/{model}:generateContent}, or
 * {@code :streamGenerateContent?alt=sse}, see {@link GoogleCompat}). Identity (only {@code model} is
 * replaced by the bare model): openai, workers-ai ({@code v1/chat/completions}), groq, mistral, deepseek,
 * perplexity-ai (also as {@code perplexity}), grok, cerebras, openrouter, cohere (its compatibility API),
 * baseten, parallel and every {@code custom-{slug}}. Stateless and thread-safe.
 */
public final class CompatTranslation {

    private static final Map<String, String> OPENAI_COMPATIBLE_PATHS = Map.ofEntries(
            Map.entry("openai", "chat/completions"),
            Map.entry("workers-ai", "v1/chat/completions"),
            Map.entry("groq", "chat/completions"),
            Map.entry("mistral", "v1/chat/completions"),
            Map.entry("deepseek", "chat/completions"),
            Map.entry("perplexity-ai", "chat/completions"),
            Map.entry("grok", "v1/chat/completions"),
            Map.entry("cerebras", "chat/completions"),
            Map.entry("openrouter", "v1/chat/completions"),
            Map.entry("cohere", "compatibility/v1/chat/completions"),
            Map.entry("baseten", "chat/completions"),
            Map.entry("parallel", "chat/completions"));
    private static final Map<String, String> ALIASES = Map.of("perplexity", "perplexity-ai");
    private static final Set<String> KNOWN_BUT_UNTRANSLATED = Set.of("google-vertex-ai", "aws-bedrock",
            "azure-openai", "huggingface", "replicate", "elevenlabs", "cartesia", "deepgram", "fal", "ideogram",
            "saladcloud", "neon");

    private CompatTranslation() {
    }

    /** Names the native API family a compat request is translated into; each constant knows its translation. */
    public enum Dialect {
        /** OpenAI Chat Completions itself: nothing to translate. */
        OPENAI {
            @Override
            Map<String, String> credentialHeaders(String key) {
                return Map.of("authorization", "Bearer " + key);
            }

            @Override
            ObjectNode completion(JsonNode body, String fallbackId, String fallbackModel, long created) {
                return (ObjectNode) body;
            }

            @Override
            EventTranslator events(ChunkWriter writer) {
                return new EventTranslator() {
                    @Override
                    public List<SseEvent> onEvent(SseEvent nativeEvent) {
                        return List.of(nativeEvent);
                    }

                    @Override
                    public List<SseEvent> onEnd() {
                        return List.of();
                    }
                };
            }
        },
        /** Anthropic Messages. */
        ANTHROPIC {
            @Override
            Map<String, String> credentialHeaders(String key) {
                return Map.of("x-api-key", key);
            }

            @Override
            ObjectNode completion(JsonNode body, String fallbackId, String fallbackModel, long created) {
                return AnthropicCompat.completion(body, fallbackId, fallbackModel, created);
            }

            @Override
            EventTranslator events(ChunkWriter writer) {
                return new AnthropicCompat.Events(writer);
            }
        },
        /** Gemini {@code generateContent}. */
        GOOGLE {
            @Override
            Map<String, String> credentialHeaders(String key) {
                return Map.of("x-goog-api-key", key);
            }

            @Override
            ObjectNode completion(JsonNode body, String fallbackId, String fallbackModel, long created) {
                return GoogleCompat.completion(body, fallbackId, fallbackModel, created);
            }

            @Override
            EventTranslator events(ChunkWriter writer) {
                return new GoogleStream(writer);
            }
        };

        abstract Map<String, String> credentialHeaders(String key);

        abstract ObjectNode completion(JsonNode body, String fallbackId, String fallbackModel, long created);

        abstract EventTranslator events(ChunkWriter writer);
    }

    /**
     * Describes where and what to send upstream for one compat request.
     *
     * @param provider the canonical provider slug (e.g. {@code perplexity-ai} for {@code perplexity})
     * @param model the model without its provider prefix
     * @param path the path below the provider's upstream base, without a leading {@code /}
     * @param query the query string without {@code ?}, or empty
     * @param body the native request body (JSON)
     * @param stream whether the client asked for a stream
     * @param includeUsage whether the client asked for a usage chunk ({@code stream_options.include_usage})
     * @param dialect the native API family
     */
    public record Target(String provider, String model, String path, String query, byte[] body, boolean stream,
                         boolean includeUsage, Dialect dialect) {

        /**
         * Returns the headers to send upstream: {@code content-type}, the provider's credential header carrying
         * {@code providerKey} (omitted when null, e.g. with BYOK) and {@code anthropic-version} for Anthropic.
         */
        public Map<String, String> upstreamHeaders(String providerKey) {
            Map<String, String> headers = new HashMap<>();
            headers.put("content-type", "application/json");
            if (providerKey != null) {
                headers.putAll(dialect.credentialHeaders(providerKey));
            }
            if (dialect == Dialect.ANTHROPIC) {
                headers.put("anthropic-version", "2023-06-01");
            }
            return Map.copyOf(headers);
        }
    }

    /**
     * Maps an OpenAI Chat Completions request for {@code provider}/{@code model} to its native request; throws
     * {@link ApiException} 400/2008 "Invalid provider" for an unknown provider and 400/2005 for a known one
     * the emulator cannot translate yet.
     */
    public static Target target(String provider, String model, ObjectNode openAiRequest) {
        String slug = ALIASES.getOrDefault(provider, provider);
        boolean stream = openAiRequest.path("stream").asBoolean(false);
        boolean includeUsage = stream && openAiRequest.path("stream_options").path("include_usage").asBoolean(false);
        if (slug.equals("anthropic")) {
            return new Target(slug, model, "v1/messages", "", Json.bytes(AnthropicCompat.request(model, openAiRequest)),
                    stream, includeUsage, Dialect.ANTHROPIC);
        }
        if (slug.equals("google-ai-studio")) {
            String bare = model.startsWith("models/") ? model.substring("models/".length()) : model;
            return new Target(slug, bare, "v1beta/models/" + bare + (stream ? ":streamGenerateContent"
                    : ":generateContent"), stream ? "alt=sse" : "", Json.bytes(GoogleCompat.request(openAiRequest)),
                    stream, includeUsage, Dialect.GOOGLE);
        }
        String path = slug.startsWith("custom-") ? "chat/completions" : OPENAI_COMPATIBLE_PATHS.get(slug);
        if (path != null) {
            ObjectNode body = openAiRequest.deepCopy();
            body.put("model", model);
            return new Target(slug, model, path, "", Json.bytes(body), stream, includeUsage, Dialect.OPENAI);
        }
        if (KNOWN_BUT_UNTRANSLATED.contains(slug)) {
            throw ApiException.frontDoor(400, ApiError.of(2005, "Failed to get response from provider: the emulator "
                    + "does not translate /compat/chat/completions requests for provider '" + slug + "' yet; call "
                    + "its native endpoint /" + slug + "/... instead"));
        }
        throw ApiException.frontDoor(400, ApiError.of(2008, "Invalid provider"));
    }

    /** Translates a native answer (whole or streamed) into OpenAI's shape; see the class contract. */
    public static UpstreamReply toOpenAi(Target target, UpstreamReply nativeReply, Instant now) {
        if (nativeReply.status() < 200 || nativeReply.status() >= 300 || target.dialect() == Dialect.OPENAI) {
            return nativeReply;
        }
        if (nativeReply.body() instanceof UpstreamReply.Stream stream) {
            EventTranslator translator = eventTranslator(target, now);
            List<SseEvent> events = new ArrayList<>();
            stream.events().forEach(e -> events.addAll(translator.onEvent(e)));
            events.addAll(translator.onEnd());
            return new UpstreamReply(nativeReply.status(), headers(nativeReply, "text/event-stream"),
                    new UpstreamReply.Stream(events));
        }
        JsonNode body;
        try {
            body = Json.parse(((UpstreamReply.Full) nativeReply.body()).bytes());
        } catch (JsonProcessingException | RuntimeException e) {
            return nativeReply;
        }
        if (body == null || !(body.isObject() || body.isArray())) {
            return nativeReply;
        }
        if (body.isArray()) {
            List<SseEvent> events = new ArrayList<>();
            body.forEach(chunk -> events.add(new SseEvent(null, Json.text(chunk))));
            return toOpenAi(target, new UpstreamReply(nativeReply.status(), nativeReply.headers(),
                    new UpstreamReply.Stream(events)), now);
        }
        ObjectNode completion = target.dialect().completion(body, fallbackId(target), target.model(),
                now.getEpochSecond());
        return new UpstreamReply(nativeReply.status(), headers(nativeReply, "application/json"),
                new UpstreamReply.Full(Json.bytes(completion)));
    }

    /** Returns a translator for one native stream of this target (identity for OpenAI-compatible providers). */
    public static EventTranslator eventTranslator(Target target, Instant now) {
        return target.dialect().events(new ChunkWriter(target.includeUsage(), now.getEpochSecond(),
                fallbackId(target), target.model()));
    }

    private static Map<String, String> headers(UpstreamReply reply, String contentType) {
        Map<String, String> headers = new HashMap<>(reply.headers());
        headers.remove("content-length");
        headers.remove("content-encoding");
        headers.remove("transfer-encoding");
        headers.put("content-type", contentType);
        return headers;
    }

    private static String fallbackId(Target target) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(target.path().getBytes(StandardCharsets.UTF_8));
            sha.update(target.body());
            return "chatcmpl-" + HexFormat.of().formatHex(sha.digest()).substring(0, 29);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
