package dev.aigw.emulator.internal.provider.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aigw.emulator.internal.json.Json;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a schema in Gemini's OpenAPI subset ({@code FunctionDeclaration.parameters},
 * {@code GenerationConfig.responseSchema}) into JSON Schema: upper-case types ({@code STRING}, {@code OBJECT})
 * become lower-case, {@code nullable: true} becomes {@code "type": [t, "null"]}, {@code propertyOrdering} and
 * {@code TYPE_UNSPECIFIED} are dropped; {@code properties}, {@code items} and {@code anyOf} are normalized in turn.
 * Every other keyword is kept as it is.
 */
final class GeminiSchema {

    private GeminiSchema() {
    }

    /** Returns the JSON Schema of a Gemini schema, as JSON text; {@code null} when it is absent or no object. */
    static String toJsonSchema(JsonNode geminiSchema) {
        if (geminiSchema == null || !geminiSchema.isObject()) {
            return null;
        }
        return Json.text(normalize(geminiSchema));
    }

    private static JsonNode normalize(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode out = Json.object();
        boolean nullable = schema.path("nullable").asBoolean(false);
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "nullable", "propertyOrdering" -> {
                    // nullable is folded into the type below; propertyOrdering has no JSON Schema meaning
                }
                case "type" -> {
                    String type = v.isTextual() ? v.textValue().toLowerCase(Locale.ROOT) : null;
                    if (type != null && !type.equals("type_unspecified")) {
                        out.set("type", nullable ? Json.array().add(type).add("null") : TextNode.valueOf(type));
                    } else if (!v.isTextual()) {
                        out.set("type", v);
                    }
                }
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    v.fields().forEachRemaining(p -> properties.set(p.getKey(), normalize(p.getValue())));
                }
                case "items" -> out.set("items", normalize(v));
                case "anyOf" -> {
                    ArrayNode anyOf = out.putArray("anyOf");
                    v.forEach(s -> anyOf.add(normalize(s)));
                }
                default -> out.set(f.getKey(), v);
            }
        }
        return out;
    }
}
