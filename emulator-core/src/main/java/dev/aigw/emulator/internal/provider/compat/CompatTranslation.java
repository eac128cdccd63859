package dev.aigw.emulator.internal.provider.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.CredentialHeader;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.util.Logs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Translates the gateway's OpenAI-compatible endpoint ({@code /compat/chat/completions}, proxy.md 1.5) to
 * and from each provider's native API, so that the proxy needs no knowledge of provider formats.
 *
 * <p>Contract: the proxy splits the request's {@code model} at its first {@code /} into provider and model
 * (handling {@code dynamic/...} itself), finds the provider and calls its {@link CompatRoute#target}. It then
 * sends {@code POST {provider's upstream base}/{target.path()}[?{target.query()}]} with {@code target.body()},
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
 * <p>Translated for real: the {@link Dialect#ANTHROPIC} ({@link AnthropicCompat}) and {@link Dialect#GOOGLE}
 * ({@link GoogleCompat}) dialects. {@link Dialect#OPENAI} is the identity: only {@code model} is replaced by the
 * bare model. Which provider speaks which dialect is declared in the provider registry. Stateless and
 * thread-safe.
 */
public final class CompatTranslation {

    private static final Logger LOG = Logs.getLogger(CompatTranslation.class);

    private CompatTranslation() {
    }

    /** Names the native API family a compat request is translated into; each constant knows its translation. */
    public enum Dialect {
        /** OpenAI Chat Completions itself: nothing to translate. */
        OPENAI {
            @Override
            CredentialHeader credential(CredentialHeader providers) {
                // An OpenAI-compatible endpoint takes OpenAI's credential (proxy.md 1.5), whatever the
                // provider's native API takes (parallel's is x-api-key).
                return CredentialHeader.BEARER;
            }

            @Override
            NativeCall call(String path, String model, ObjectNode openAiRequest, boolean stream) {
                ObjectNode body = openAiRequest.deepCopy();
                body.put("model", model);
                return new NativeCall(model, path, "", Json.bytes(body));
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
            Map<String, String> fixedHeaders() {
                return Map.of("anthropic-version", "2023-06-01");
            }

            @Override
            NativeCall call(String path, String model, ObjectNode openAiRequest, boolean stream) {
                return new NativeCall(model, path, "", Json.bytes(AnthropicCompat.request(model, openAiRequest)));
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
        /** Gemini {@code generateContent}; the route's path is where the models live (e.g. {@code v1beta/models}). */
        GOOGLE {
            @Override
            NativeCall call(String path, String model, ObjectNode openAiRequest, boolean stream) {
                String bare = model.startsWith("models/") ? model.substring("models/".length()) : model;
                String method = stream ? ":streamGenerateContent" : ":generateContent";
                return new NativeCall(bare, path + "/" + bare + method, stream ? "alt=sse" : "",
                        Json.bytes(GoogleCompat.request(openAiRequest)));
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

        /** Returns the header that carries the key, given the provider's own credential header. */
        CredentialHeader credential(CredentialHeader providers) {
            return providers;
        }

        /** Returns the headers every request of this dialect carries besides the credential. */
        Map<String, String> fixedHeaders() {
            return Map.of();
        }

        abstract NativeCall call(String path, String model, ObjectNode openAiRequest, boolean stream);

        abstract ObjectNode completion(JsonNode body, String fallbackId, String fallbackModel, long created);

        abstract EventTranslator events(ChunkWriter writer);
    }

    /** The native request of a dialect: the model it names, its path below the upstream base, query and body. */
    record NativeCall(String model, String path, String query, byte[] body) {
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
     * @param credential the header that carries the provider key upstream
     */
    public record Target(String provider, String model, String path, String query, byte[] body, boolean stream,
                         boolean includeUsage, Dialect dialect, CredentialHeader credential) {

        /**
         * Returns the headers to send upstream: {@code content-type}, the credential header carrying
         * {@code providerKey} (omitted when null, e.g. with BYOK) and the dialect's fixed headers (Anthropic's
         * {@code anthropic-version}).
         */
        public Map<String, String> upstreamHeaders(String providerKey) {
            Map<String, String> headers = new HashMap<>(dialect.fixedHeaders());
            headers.put("content-type", "application/json");
            if (providerKey != null) {
                headers.put(credential.name(), credential.value(providerKey));
            }
            return Map.copyOf(headers);
        }
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
            LOG.debug("A {} reply of {} that is not JSON passes through untranslated", nativeReply.status(),
                    target.provider(), e);
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
