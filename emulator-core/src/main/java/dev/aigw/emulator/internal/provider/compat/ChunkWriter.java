package dev.aigw.emulator.internal.provider.compat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.OpenAiChatFormat;
import dev.aigw.emulator.internal.provider.SseEvent;

/** Writes the OpenAI chunks of one translated stream: same id, model and {@code created} on every chunk. */
final class ChunkWriter {

    private final boolean includeUsage;
    private final long created;
    private String id;
    private String model;

    ChunkWriter(boolean includeUsage, long created, String id, String model) {
        this.includeUsage = includeUsage;
        this.created = created;
        this.id = id;
        this.model = model;
    }

    /** Sets the id and model from the native stream's first event (when it carries them). */
    void identify(String nativeId, String nativeModel) {
        if (nativeId != null && !nativeId.isEmpty()) {
            id = "chatcmpl-" + nativeId;
        }
        if (nativeModel != null && !nativeModel.isEmpty()) {
            model = nativeModel;
        }
    }

    SseEvent role() {
        return chunk(OpenAiChatFormat.roleDelta(), null);
    }

    SseEvent content(String text) {
        return chunk(OpenAiChatFormat.contentDelta(text), null);
    }

    /** Returns a tool-call delta: the first one of a call carries id, type and name, later ones only arguments. */
    SseEvent toolCall(int index, String callId, String name, String arguments) {
        ObjectNode delta = Json.object();
        ObjectNode call = delta.putArray("tool_calls").addObject();
        call.put("index", index);
        if (callId != null) {
            call.put("id", callId);
            call.put("type", "function");
        }
        ObjectNode function = call.putObject("function");
        if (name != null) {
            function.put("name", name);
        }
        function.put("arguments", arguments);
        return chunk(delta, null);
    }

    /** Returns a refusal delta: {@code {"refusal": message}}. */
    SseEvent refusal(String message) {
        return chunk(Json.object().put("refusal", message), null);
    }

    SseEvent finish(String finishReason) {
        return chunk(Json.object(), finishReason);
    }

    boolean includeUsage() {
        return includeUsage;
    }

    SseEvent usage(int promptTokens, int completionTokens, int cachedTokens) {
        return new SseEvent(null, Json.text(OpenAiChatFormat.usageChunk(id, created, model,
                OpenAiChatFormat.usage(promptTokens, completionTokens, cachedTokens))));
    }

    SseEvent error(String message, String type) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        error.putNull("code");
        return new SseEvent(null, Json.text(body));
    }

    private SseEvent chunk(ObjectNode delta, String finishReason) {
        return new SseEvent(null, Json.text(OpenAiChatFormat.chunk(id, created, model, delta, finishReason,
                includeUsage)));
    }
}
