package dev.aigw.emulator.internal.provider.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.util.Logs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

/** Small helpers the translations share: message text, tool arguments, data URLs. */
final class Compat {

    private static final Logger LOG = Logs.getLogger(Compat.class);

    private Compat() {
    }

    /** Returns an OpenAI content's text: the string itself, or the {@code text} parts joined by newlines. */
    static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode part : content) {
            if (part.path("text").isTextual()) {
                texts.add(part.get("text").textValue());
            }
        }
        return String.join("\n", texts);
    }

    /** Parses tool-call arguments into an object; anything else becomes an empty object. */
    static ObjectNode parseObject(String json) {
        try {
            JsonNode node = Json.parse(json);
            return node != null && node.isObject() ? (ObjectNode) node : Json.object();
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.debug("Tool-call arguments that are not JSON become an empty object: {}", json, e);
            return Json.object();
        }
    }

    /** Parses a native stream event's data; empty when it is not JSON, and then the translation skips the event. */
    static Optional<JsonNode> eventData(SseEvent nativeEvent) {
        try {
            return Optional.of(Json.parse(nativeEvent.data()));
        } catch (JsonProcessingException e) {
            LOG.debug("Skipping a native stream event that is not JSON: {}", nativeEvent.data(), e);
            return Optional.empty();
        }
    }

    /** A {@code data:} URL's media type and base64 data. */
    record DataUrl(String mediaType, String data) {

        /** Parses {@code data:<type>;base64,<data>}, or returns null for any other URL. */
        static DataUrl parse(String url) {
            if (!url.startsWith("data:")) {
                return null;
            }
            int semicolon = url.indexOf(";base64,");
            return semicolon < 0 ? null : new DataUrl(url.substring(5, semicolon), url.substring(semicolon + 8));
        }
    }
}
