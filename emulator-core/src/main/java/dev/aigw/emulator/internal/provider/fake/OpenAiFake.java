package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.reply.ReplySource;
import dev.aigw.emulator.internal.reply.Tokens;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fakes OpenAI and the providers that speak its API (Azure OpenAI, Groq, Mistral, DeepSeek, OpenRouter,
 * Perplexity, xAI, Cerebras, ...). Endpoints are matched on the path's tail, whatever the provider's prefix:
 * {@code POST .../chat/completions} ({@link OpenAiChat}), {@code POST .../responses}
 * ({@link OpenAiResponses}), {@code POST .../embeddings} and {@code GET .../models[/{id}]}, each only when
 * the provider has it. The model comes from the body's {@code model}, else from an Azure
 * {@code /deployments/{name}/} path segment.
 *
 * <p>Embeddings: one unit-length vector per input, {@code dimensions} floats (default 8) derived from
 * a hash of the model and the input text; {@code "encoding_format": "base64"} gives little-endian float32
 * bytes in base64, as OpenAI does.
 */
final class OpenAiFake implements FakeProvider {

    private static final Pattern DEPLOYMENT = Pattern.compile("/deployments/([^/]+)/");
    private static final Pattern MODEL_ID = Pattern.compile(".*/models/([^/]+)");
    private static final long MODEL_CREATED = 1_715_367_049L;
    private static final int DEFAULT_DIMENSIONS = 8;

    private final String slug;
    private final Set<OpenAiEndpoint> endpoints; // an EnumSet, for its order; never modified
    private final List<String> models;

    OpenAiFake(String slug, Set<OpenAiEndpoint> endpoints, List<String> models) {
        this.slug = slug;
        this.endpoints = endpoints.isEmpty() ? EnumSet.noneOf(OpenAiEndpoint.class) : EnumSet.copyOf(endpoints);
        this.models = List.copyOf(models);
    }

    /** Returns the fake of OpenAI itself, with every endpoint. */
    static OpenAiFake openAi() {
        return new OpenAiFake("openai", EnumSet.allOf(OpenAiEndpoint.class), List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1",
                "gpt-4.1-mini", "o3-mini", "text-embedding-3-small", "text-embedding-3-large"));
    }

    @Override
    public UpstreamReply answer(UpstreamRequest request, ReplySource replies) {
        String path = Replies.path(request);
        Optional<OpenAiEndpoint> endpoint = endpointOf(path);
        if (endpoint.isEmpty() || !request.method().equalsIgnoreCase(endpoint.get().method)) {
            return OpenAiErrors.invalidUrl(slug, request.method(), request.path(), served());
        }
        if (endpoint.get() == OpenAiEndpoint.MODELS) {
            return models(request, path);
        }
        Optional<ObjectNode> parsed = Replies.object(request);
        if (parsed.isEmpty()) {
            return OpenAiErrors.notJson();
        }
        ObjectNode body = parsed.get();
        String model = model(request, body);
        if (model == null) {
            return endpoint.get() == OpenAiEndpoint.CHAT_COMPLETIONS
                    ? OpenAiErrors.reply(400, "you must provide a model parameter", "invalid_request_error", null,
                            null, Map.of())
                    : OpenAiErrors.missing("model");
        }
        switch (endpoint.get()) {
            case CHAT_COMPLETIONS:
                return OpenAiChat.answer(request, body, model, replies, headers(request));
            case RESPONSES:
                return OpenAiResponses.answer(request, body, model, replies, headers(request));
            default:
                return embeddings(request, body, model);
        }
    }

    @Override
    public UpstreamReply error(int status, UpstreamRequest request) {
        if (status < 400) {
            return answer(request);
        }
        String model = Replies.object(request).map(b -> model(request, b)).orElse(null);
        return OpenAiErrors.forStatus(status, model == null ? "the requested model" : model);
    }

    private Optional<OpenAiEndpoint> endpointOf(String path) {
        for (OpenAiEndpoint e : endpoints) {
            boolean matches = e == OpenAiEndpoint.MODELS
                    ? path.endsWith("/models") || MODEL_ID.matcher(path).matches()
                    : path.endsWith("/" + e.tail) || path.equals(e.tail);
            if (matches) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private String served() {
        return endpoints.stream().map(e -> e.method + " .../" + e.tail).collect(Collectors.joining(", "));
    }

    private static String model(UpstreamRequest request, ObjectNode body) {
        JsonNode model = body.get("model");
        if (model != null && model.isTextual() && !model.textValue().isBlank()) {
            return model.textValue();
        }
        Matcher m = DEPLOYMENT.matcher(request.path());
        return m.find() ? m.group(1) : null;
    }

    private Map<String, String> headers(UpstreamRequest request) {
        return Map.of(
                "content-type", Replies.JSON,
                "x-request-id", "req_" + Ids.hex(request, "x-request-id", 32),
                "openai-processing-ms", String.valueOf(100 + request.body().length % 400),
                "openai-version", "2020-10-01",
                "x-ratelimit-limit-requests", "10000",
                "x-ratelimit-remaining-requests", "9999",
                "x-ratelimit-reset-requests", "6ms",
                "x-ratelimit-limit-tokens", "30000000",
                "x-ratelimit-remaining-tokens", "29999000",
                "x-ratelimit-reset-tokens", "2ms");
    }

    private UpstreamReply models(UpstreamRequest request, String path) {
        Matcher one = MODEL_ID.matcher(path);
        if (one.matches()) {
            return Replies.json(200, modelObject(one.group(1)), headers(request));
        }
        ObjectNode list = Json.object();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        models.forEach(id -> data.add(modelObject(id)));
        return Replies.json(200, list, headers(request));
    }

    private ObjectNode modelObject(String id) {
        ObjectNode model = Json.object();
        model.put("id", id);
        model.put("object", "model");
        model.put("created", MODEL_CREATED);
        model.put("owned_by", slug.equals("openai") ? "system" : slug);
        return model;
    }

    private UpstreamReply embeddings(UpstreamRequest request, ObjectNode body, String model) {
        JsonNode input = body.get("input");
        if (input == null || input.isNull()) {
            return OpenAiErrors.missing("input");
        }
        List<String> texts = new ArrayList<>();
        if (input.isArray() && input.size() > 0 && !input.get(0).isNumber()) {
            input.forEach(i -> texts.add(i.isTextual() ? i.textValue() : Json.text(i)));
        } else {
            texts.add(input.isTextual() ? input.textValue() : Json.text(input));
        }
        int dimensions = Replies.positiveInt(body, "dimensions");
        dimensions = dimensions == 0 ? DEFAULT_DIMENSIONS : Math.min(dimensions, 4096);
        boolean base64 = "base64".equals(Replies.text(body, "encoding_format", "float"));
        ObjectNode answer = Json.object();
        answer.put("object", "list");
        ArrayNode data = answer.putArray("data");
        int tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            float[] vector = Ids.vector(model + "\n" + texts.get(i), dimensions);
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            if (base64) {
                item.put("embedding", base64(vector));
            } else {
                ArrayNode values = item.putArray("embedding");
                for (float v : vector) {
                    values.add(v);
                }
            }
            tokens += Tokens.count(texts.get(i));
        }
        answer.put("model", model);
        ObjectNode usage = answer.putObject("usage");
        usage.put("prompt_tokens", tokens);
        usage.put("total_tokens", tokens);
        return Replies.json(200, answer, headers(request));
    }

    private static String base64(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * vector.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            buffer.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(buffer.array());
    }
}
