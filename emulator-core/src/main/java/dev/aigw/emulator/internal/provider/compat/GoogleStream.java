package dev.aigw.emulator.internal.provider.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.OpenAiChatFormat;
import dev.aigw.emulator.internal.provider.SseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates Gemini's {@code data:} chunks into OpenAI chunks: a role chunk first, a content chunk per native
 * chunk, tool-call deltas for {@code functionCall} parts (a call arrives whole, so in one delta), a refusal
 * delta for a safety stop's {@code finishMessage}, a finish chunk at {@code finishReason}; as Gemini
 * sends no end marker, the stream's end adds the usage chunk (when asked for) and {@code [DONE]}.
 */
final class GoogleStream implements EventTranslator {

    private final ChunkWriter out;
    private boolean started;
    private int toolCalls;
    private JsonNode usage = Json.object();

    GoogleStream(ChunkWriter out) {
        this.out = out;
    }

    @Override
    public List<SseEvent> onEvent(SseEvent nativeEvent) {
        Optional<JsonNode> data = Compat.eventData(nativeEvent);
        if (data.isEmpty()) {
            return List.of();
        }
        JsonNode chunk = data.get();
        List<SseEvent> events = new ArrayList<>();
        if (!started) {
            started = true;
            out.identify(chunk.path("responseId").asText(null), chunk.path("modelVersion").asText(null));
            events.add(out.role());
        }
        if (chunk.has("error")) {
            events.add(out.error(chunk.path("error").path("message").asText(),
                    chunk.path("error").path("status").asText()));
            return events;
        }
        JsonNode candidate = chunk.path("candidates").path(0);
        String text = GoogleCompat.text(candidate);
        if (!text.isEmpty()) {
            events.add(out.content(text));
        }
        for (JsonNode call : GoogleCompat.toolCalls(candidate, toolCalls)) {
            events.add(out.toolCall(toolCalls++, call.get("id").asText(), call.at("/function/name").asText(),
                    call.at("/function/arguments").asText()));
        }
        if (chunk.has("usageMetadata")) {
            usage = chunk.get("usageMetadata");
        }
        String refusal = GoogleCompat.refusal(candidate);
        if (refusal != null) {
            events.add(out.refusal(refusal));
        }
        if (candidate.has("finishReason")) {
            events.add(out.finish(GoogleCompat.finishReason(candidate.get("finishReason").asText(), toolCalls > 0)));
        }
        return events;
    }

    @Override
    public List<SseEvent> onEnd() {
        List<SseEvent> events = new ArrayList<>();
        if (out.includeUsage()) {
            ObjectNode u = GoogleCompat.usage(usage);
            events.add(out.usage(u.get("prompt_tokens").asInt(), u.get("completion_tokens").asInt(),
                    u.at("/prompt_tokens_details/cached_tokens").asInt()));
        }
        events.add(OpenAiChatFormat.done());
        return events;
    }
}
