package dev.aigw.emulator.internal.proxy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.PathStyle;
import dev.aigw.emulator.internal.util.Logs;
import java.io.IOException;
import org.slf4j.Logger;

/** Finds the model a provider request names: the body's {@code model}, else the model in the path. */
final class Models {

    private static final Logger LOG = Logs.getLogger(Models.class);

    private Models() {
    }

    static String of(PathStyle style, String rest, byte[] body) {
        // Only the top-level "model" member is read, without building the whole tree.
        String inBody = topLevelModel(body);
        return inBody != null ? inBody : style.modelInPath(rest);
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
            LOG.debug("No model read from a request body that is not valid JSON", e);
            return null;
        }
    }
}
