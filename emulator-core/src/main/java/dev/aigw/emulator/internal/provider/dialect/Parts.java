package dev.aigw.emulator.internal.provider.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.json.Json;
import java.util.ArrayList;
import java.util.List;

/** Reads the pieces every request format shares: text in any of its shapes, JSON members as text. */
public final class Parts {

    private Parts() {
    }

    /**
     * Extracts the text of a message content in any provider's shape: a string, an array of parts or blocks
     * carrying {@code text} (or nested {@code content}), or one such object; parts joined by a space.
     */
    public static String text(JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (content.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode part : content) {
                String t = text(part);
                if (!t.isEmpty()) {
                    parts.add(t);
                }
            }
            return String.join(" ", parts);
        }
        if (content.isObject()) {
            if (content.path("text").isTextual()) {
                return content.get("text").textValue();
            }
            if (content.has("content")) {
                return text(content.get("content"));
            }
            if (content.has("parts")) {
                return text(content.get("parts"));
            }
        }
        return "";
    }

    /** Returns a text member, or {@code null} when absent or not text. */
    public static String string(JsonNode object, String name) {
        JsonNode n = object == null ? null : object.get(name);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    /** Returns a member as JSON text (a string member as its own text), or {@code null} when absent or null. */
    public static String json(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isTextual() ? node.textValue() : Json.text(node);
    }
}
