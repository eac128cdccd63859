package dev.aigw.emulator.internal.reply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.json.Json;

/** Checks JSON text given to the public reply types, with messages that name what was wrong. */
public final class JsonText {

    private JsonText() {
    }

    /** Returns the text when it is one JSON value; throws {@link IllegalArgumentException} naming {@code what}. */
    public static String any(String text, String what) {
        parse(text, what);
        return text;
    }

    /** Returns the text when it is one JSON object; throws {@link IllegalArgumentException} naming {@code what}. */
    public static String object(String text, String what) {
        JsonNode node = parse(text, what);
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object, got " + node.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT) + ": " + abbreviate(text));
        }
        return text;
    }

    private static JsonNode parse(String text, String what) {
        try {
            JsonNode node = Json.parse(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException(what + " is empty; it must be JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON (" + e.getOriginalMessage() + "): "
                    + abbreviate(text), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
