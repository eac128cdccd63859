package dev.aigw.emulator.internal.proxy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import dev.aigw.emulator.internal.json.Json;

/** Finds the model a provider request names: the body's {@code model}, else the model in the path. */
final class Models {

    private Models() {
    }

    static String of(String slug, String rest, byte[] body) {
        // Only the top-level "model" member is read, without building the whole tree.
        String inBody = topLevelModel(body);
        if (inBody != null) {
            return inBody;
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

    private static String topLevelModel(byte[] body) {
        if (body.length == 0 || body[0] != '{') {
            return null;
        }
        try (JsonParser parser = Json.factory().createParser(body)) {
            parser.nextToken();
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("model")) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
