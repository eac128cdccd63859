package dev.aigw.emulator.internal.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.json.Json;

/** Finds the model a provider request names: the body's {@code model}, else the model in the path. */
final class Models {

    private Models() {
    }

    static String of(String slug, String rest, byte[] body) {
        if (body.length > 0 && body[0] == '{') {
            try {
                JsonNode model = Json.parse(body).get("model");
                if (model != null && model.isTextual()) {
                    return model.textValue();
                }
            } catch (Exception e) {
                // Not JSON: the path may still name the model.
            }
        }
        if (slug.equals("workers-ai") && rest.startsWith("@")) {
            return rest;
        }
        int models = rest.indexOf("models/");
        if (models >= 0) {
            String tail = rest.substring(models + "models/".length());
            int end = tail.indexOf(':');
            return end >= 0 ? tail.substring(0, end) : tail;
        }
        return null;
    }
}
