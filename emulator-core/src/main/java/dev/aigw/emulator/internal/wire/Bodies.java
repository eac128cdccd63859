package dev.aigw.emulator.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Writes bytes into a JSON object as {@code "body"} when they are UTF-8 text and as {@code "body_base64"} when they
 * are not, and reads them back, for every wire type that carries a body.
 */
final class Bodies {

    private Bodies() {
    }

    /** Puts {@code bytes} into {@code node}; puts nothing when they are {@code null}. */
    static void put(ObjectNode node, byte[] bytes) {
        if (bytes == null) {
            return;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
            node.put("body", text);
        } else {
            node.put("body_base64", Base64.getEncoder().encodeToString(bytes));
        }
    }

    /** Reads what {@link #put} wrote: the bytes, or {@code null} when there were none. */
    static byte[] read(JsonNode node) {
        JsonNode text = node.get("body");
        if (text != null && text.isTextual()) {
            return text.textValue().getBytes(StandardCharsets.UTF_8);
        }
        JsonNode base64 = node.get("body_base64");
        return base64 == null || !base64.isTextual() ? null : Base64.getDecoder().decode(base64.textValue());
    }
}
