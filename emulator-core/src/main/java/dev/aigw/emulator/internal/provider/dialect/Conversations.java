package dev.aigw.emulator.internal.provider.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.internal.json.Json;
import java.util.Optional;

/** Reads the conversation of a recorded upstream request, whichever provider format it is in. */
public final class Conversations {

    private Conversations() {
    }

    /**
     * Reads a request to a provider's upstream path; empty when the path is no chat endpoint the emulator reads
     * or the body is not a JSON object.
     */
    public static Optional<Conversation> read(String provider, String path, byte[] body) {
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (JsonProcessingException e) {
            return Optional.empty(); // not JSON: no conversation to read, which the caller reports as empty
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String model = Parts.string(node, "model");
        if (p.endsWith("/chat/completions") || p.equals("chat/completions")) {
            return Optional.of(OpenAiChatReader.read(node, model));
        }
        if (p.endsWith("/responses") || p.equals("responses")) {
            return Optional.of(OpenAiResponsesReader.read(node, model));
        }
        return Optional.empty();
    }
}
