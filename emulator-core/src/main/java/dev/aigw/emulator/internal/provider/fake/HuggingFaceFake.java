package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.provider.dialect.Parts;
import dev.aigw.emulator.internal.reply.ReplySource;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fakes Hugging Face's serverless Inference API: {@code POST .../models/{model}} with {@code {"inputs":...}}
 * answers text generation {@code [{"generated_text": reply}]} (the reply only, without the prompt), or
 * feature extraction (384 floats per input) for models whose name contains {@code sentence-transformers},
 * {@code MiniLM}, {@code bge} or {@code embed}; a path ending in {@code chat/completions} answers in
 * OpenAI's shapes. {@code parameters.max_new_tokens} caps the reply. Errors are {@code {"error": message}}.
 */
final class HuggingFaceFake implements FakeProvider {

    private final OpenAiFake chat = new OpenAiFake("huggingface", EnumSet.of(OpenAiEndpoint.CHAT_COMPLETIONS),
            List.of());

    @Override
    public UpstreamReply answer(UpstreamRequest request, ReplySource replies) {
        String path = Replies.path(request);
        if (path.endsWith("chat/completions")) {
            return chat.answer(request, replies);
        }
        int at = path.indexOf("/models/");
        if (at < 0 || !request.method().equalsIgnoreCase("POST")) {
            return error(404, "The emulator's fake 'huggingface' provider answers POST /models/{model} and "
                    + ".../chat/completions; for " + request.method() + " " + request.path()
                    + " configure a real upstream, e.g. " + NoFakeYet.builderHint("huggingface"));
        }
        String model = path.substring(at + "/models/".length());
        Optional<ObjectNode> body = Replies.object(request);
        JsonNode inputs = body.map(b -> b.get("inputs")).orElse(null);
        if (inputs == null || inputs.isNull()) {
            return error(400, "Input should be a valid dictionary or instance of TextGenerationInput: inputs is "
                    + "required");
        }
        String lower = model.toLowerCase(Locale.ROOT);
        if (lower.contains("sentence-transformers") || lower.contains("minilm") || lower.contains("bge")
                || lower.contains("embed")) {
            if (inputs.isArray()) {
                ArrayNode rows = Json.array();
                inputs.forEach(i -> rows.add(vector(model, i.asText())));
                return Replies.json(200, rows, Map.of());
            }
            return Replies.json(200, vector(model, inputs.asText()), Map.of());
        }
        String text = inputs.isTextual() ? inputs.textValue() : Parts.text(inputs);
        int maxTokens = Replies.positiveInt(body.get().path("parameters"), "max_new_tokens");
        Completion c = Completion.of(model, text, text, maxTokens);
        ArrayNode answer = Json.array();
        answer.addObject().put("generated_text", c.text());
        return Replies.json(200, answer, Map.of());
    }

    /** Answers {@code {"error": ...}} for a status; 503 says the model is loading, with {@code estimated_time}. */
    @Override
    public UpstreamReply error(int status, UpstreamRequest request) {
        switch (status) {
            case 401: return error(401, "Invalid credentials in Authorization header");
            case 404: return error(404, "Model not found");
            case 429: return error(429, "Rate limit reached. You reached free usage limit (reset hourly). Please "
                    + "subscribe to a plan at https://huggingface.co/pricing to use the API at this rate");
            case 503:
                ObjectNode loading = Json.object();
                loading.put("error", "Model is currently loading");
                loading.put("estimated_time", 20.0);
                return Replies.json(503, loading, Map.of("retry-after", "20"));
            default:
                return status < 400 ? answer(request) : error(status, "Request failed with status " + status);
        }
    }

    private static ArrayNode vector(String model, String text) {
        ArrayNode values = Json.array();
        for (float v : Ids.vector(model + "\n" + text, 384)) {
            values.add(v);
        }
        return values;
    }

    private static UpstreamReply error(int status, String message) {
        return Replies.json(status, Json.object().put("error", message), Map.of());
    }
}
