package dev.aigw.emulator.internal.provider.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.util.Logs;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/** Reads the conversation of a recorded upstream request, whichever provider format it is in. */
public final class Conversations {

    private static final Logger LOG = Logs.getLogger(Conversations.class);

    /** A Gemini chat path (AI Studio or Vertex AI), its model the segment before the method. */
    private static final Pattern GEMINI_METHOD =
            Pattern.compile(".*models/([^/:]+):(?:generateContent|streamGenerateContent)");

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
        if (p.endsWith("/v2/chat")) {
            return Optional.of(CohereReader.read(node, model));
        }
        int run = p.indexOf("/ai/run/");
        if (run >= 0 && (node.has("messages") || node.has("prompt"))) {
            return Optional.of(WorkersAiReader.read(node, p.substring(run + "/ai/run/".length())));
        }
        Matcher gemini = GEMINI_METHOD.matcher(p);
        if (gemini.matches()) {
            return Optional.of(GeminiReader.read(node, gemini.group(1)));
        }
        return Optional.empty();
    }
}
