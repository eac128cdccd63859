package dev.aigw.emulator.internal.provider.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.util.Logs;
import java.util.Optional;
import org.slf4j.Logger;

/** Reads the conversation of a recorded upstream request, whichever provider format it is in. */
public final class Conversations {

    private static final Logger LOG = Logs.getLogger(Conversations.class);

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
            LOG.debug("The body of a request to {} is not JSON: no conversation to read", path, e);
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String model = Parts.string(node, "model");
        if (p.endsWith("/chat/completions") || p.equals("chat/completions")) {
            return Optional.of(OpenAiChatReader.read(node, model));
        }
        if (p.endsWith("/v1/messages")) {
            return Optional.of(AnthropicReader.read(node, model));
        }
        if (p.endsWith("/responses") || p.equals("responses")) {
            return Optional.of(OpenAiResponsesReader.read(node, model));
        }
        return Optional.empty();
    }
}
