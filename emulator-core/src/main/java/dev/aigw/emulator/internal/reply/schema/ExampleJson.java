package dev.aigw.emulator.internal.reply.schema;

import static dev.aigw.emulator.internal.reply.schema.SchemaTree.child;
import static dev.aigw.emulator.internal.reply.schema.SchemaTree.where;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the one value {@link JsonSchemas#generate} promises for a checked schema (the rules are in its javadoc).
 * A branch that would follow a {@code $ref} into a schema it is already inside "ends": it yields nothing, and the
 * nearest {@code anyOf} or type list with another choice, array that may be empty or optional property takes
 * the other way. Not thread-safe: one instance makes one value.
 */
final class ExampleJson {

    /** How deep schemas may nest (counting followed references) before the emulator gives up. */
    static final int MAX_DEPTH = 100;

    /** How many values one generated document may hold. */
    private static final int MAX_VALUES = 10_000;

    /** How many characters of strings one generated document may hold. */
    private static final long MAX_CHARS = 1_000_000;

    private final SchemaTree tree;
    private final Set<String> following = new HashSet<>();
    private long values;
    private long chars;
    private String endedAt;

    private ExampleJson(SchemaTree tree) {
        this.tree = tree;
    }

    /** Returns the value for a schema that passed {@link KeywordCheck}. */
    static JsonNode of(SchemaTree tree) throws UnsupportedSchemaException {
        ExampleJson maker = new ExampleJson(tree);
        maker.following.add("");
        Optional<JsonNode> value = maker.value(tree.root(), "", "", 0);
        if (value.isEmpty()) {
            throw new UnsupportedSchemaException("$ref", maker.endedAt, "the schema has no finite value: its"
                    + " \"$ref\" " + where(maker.endedAt) + " leads back into itself with no way out (give the"
                    + " recursion an end: a null alternative in \"anyOf\" or \"type\", an array, or an optional"
                    + " property)");
        }
        return value.get();
    }

    private Optional<JsonNode> value(JsonNode schema, String path, String name, int depth)
            throws UnsupportedSchemaException {
        if (depth > MAX_DEPTH) {
            throw new UnsupportedSchemaException("$ref", path, "the schema nests deeper than " + MAX_DEPTH
                    + " levels, counting the references it follows, " + where(path));
        }
        if (++values > MAX_VALUES) {
            throw tooLarge(path);
        }
        if (!schema.isObject()) {
            return Optional.of(Json.nodes().nullNode());
        }
        if (schema.has("const")) {
            return Optional.of(schema.get("const").deepCopy());
        }
        if (schema.has("enum")) {
            return Optional.of(schema.get("enum").get(0).deepCopy());
        }
        if (schema.has("$ref")) {
            return reference(schema.get("$ref").textValue(), path, name, depth);
        }
        if (schema.has("anyOf")) {
            JsonNode alternatives = schema.get("anyOf");
            for (int i : preferred(alternatives)) {
                Optional<JsonNode> v = value(alternatives.get(i), child(child(path, "anyOf"), Integer.toString(i)),
                        name, depth + 1);
                if (v.isPresent()) {
                    return v;
                }
            }
            return Optional.empty();
        }
        for (String type : types(schema)) {
            Optional<JsonNode> v = ofType(type, schema, path, name, depth);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private Optional<JsonNode> reference(String ref, String path, String name, int depth)
            throws UnsupportedSchemaException {
        SchemaTree.Located target = tree.resolve(ref, path);
        if (!following.add(target.pointer())) {
            endedAt = path;
            return Optional.empty();
        }
        try {
            return value(target.node(), target.pointer(), name, depth + 1);
        } finally {
            following.remove(target.pointer());
        }
    }

    private Optional<JsonNode> ofType(String type, JsonNode schema, String path, String name, int depth)
            throws UnsupportedSchemaException {
        return switch (type) {
            case "null" -> Optional.of(Json.nodes().nullNode());
            case "boolean" -> Optional.of(Json.nodes().booleanNode(true));
            case "integer" -> Optional.of(ExampleNumbers.integer(schema, path));
            case "number" -> Optional.of(ExampleNumbers.number(schema, path));
            case "string" -> Optional.of(Json.nodes().textNode(text(ExampleStrings.of(schema, name, path), path)));
            case "array" -> array(schema, path, name, depth);
            case "object" -> object(schema, path, depth);
            default -> Optional.of(Json.nodes().nullNode());
        };
    }

    private Optional<JsonNode> array(JsonNode schema, String path, String name, int depth)
            throws UnsupportedSchemaException {
        long min = SchemaTree.count(schema, "minItems", 0);
        long max = SchemaTree.count(schema, "maxItems", Long.MAX_VALUE);
        if (min > max) {
            throw new UnsupportedSchemaException("minItems", path, "\"minItems\" " + min + " " + where(path)
                    + " is greater than \"maxItems\" " + max + ", so no array meets both");
        }
        long count = Math.min(Math.max(1, min), max);
        ArrayNode array = Json.array();
        if (count == 0) {
            return Optional.of(array);
        }
        if (count > MAX_VALUES) {
            throw tooLarge(path);
        }
        long valuesBefore = values;
        long charsBefore = chars;
        Optional<JsonNode> item = schema.has("items")
                ? value(schema.get("items"), child(path, "items"), name, depth + 1)
                : Optional.of(Json.nodes().nullNode());
        if (item.isEmpty()) {
            return min == 0 ? Optional.of(array) : Optional.empty();
        }
        values += (values - valuesBefore) * (count - 1);
        chars += (chars - charsBefore) * (count - 1);
        if (values > MAX_VALUES || chars > MAX_CHARS) {
            throw tooLarge(path);
        }
        for (long i = 0; i < count; i++) {
            array.add(item.get().deepCopy());
        }
        return Optional.of(array);
    }

    private Optional<JsonNode> object(JsonNode schema, String path, int depth) throws UnsupportedSchemaException {
        Set<String> required = new LinkedHashSet<>();
        if (schema.has("required")) {
            schema.get("required").forEach(n -> required.add(n.textValue()));
        }
        ObjectNode object = Json.object();
        if (schema.has("properties")) {
            for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                String key = property.getKey();
                Optional<JsonNode> v = value(property.getValue(), child(child(path, "properties"), key), key,
                        depth + 1);
                if (v.isPresent()) {
                    object.set(key, v.get());
                } else if (required.contains(key)) {
                    return Optional.empty();
                }
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        for (String key : required) {
            if (object.has(key) || schema.has("properties") && schema.get("properties").has(key)) {
                continue;
            }
            if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                throw new UnsupportedSchemaException("required", path, "\"required\" " + where(path) + " names \""
                        + key + "\", which \"properties\" does not declare and \"additionalProperties\": false"
                        + " forbids, so no object meets the schema");
            }
            Optional<JsonNode> v = additional == null || additional.isBoolean()
                    ? Optional.of(Json.nodes().nullNode())
                    : value(additional, child(path, "additionalProperties"), key, depth + 1);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            object.set(key, v.get());
        }
        return Optional.of(object);
    }

    /** Returns the types to try, in order: those the schema lists (nulls last), or the one its keywords imply. */
    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        List<String> listed = new ArrayList<>();
        if (type == null) {
            listed.add(impliedType(schema));
        } else if (type.isArray()) {
            type.forEach(t -> listed.add(t.textValue()));
        } else {
            listed.add(type.textValue());
        }
        List<String> ordered = new ArrayList<>();
        listed.stream().filter(t -> !t.equals("null")).forEach(ordered::add);
        listed.stream().filter(t -> t.equals("null")).limit(1).forEach(ordered::add);
        return ordered;
    }

    private static String impliedType(JsonNode schema) {
        if (schema.has("properties") || schema.has("required") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items") || schema.has("minItems") || schema.has("maxItems")) {
            return "array";
        }
        if (schema.has("format") || schema.has("minLength") || schema.has("maxLength")) {
            return "string";
        }
        if (schema.has("minimum") || schema.has("maximum") || schema.has("exclusiveMinimum")
                || schema.has("exclusiveMaximum") || schema.has("multipleOf")) {
            return "number";
        }
        return "null";
    }

    /** Returns the indexes of {@code anyOf}'s alternatives in the order to try them: null-only ones last. */
    private static List<Integer> preferred(JsonNode alternatives) {
        List<Integer> first = new ArrayList<>();
        List<Integer> last = new ArrayList<>();
        for (int i = 0; i < alternatives.size(); i++) {
            (isNullOnly(alternatives.get(i)) ? last : first).add(i);
        }
        first.addAll(last);
        return first;
    }

    private static boolean isNullOnly(JsonNode schema) {
        JsonNode type = schema.get("type");
        return type != null && (type.isTextual() && type.textValue().equals("null")
                || type.isArray() && type.size() == 1 && "null".equals(type.get(0).textValue()));
    }

    private String text(String s, String path) throws UnsupportedSchemaException {
        chars += s.length();
        if (chars > MAX_CHARS) {
            throw tooLarge(path);
        }
        return s;
    }

    private static UnsupportedSchemaException tooLarge(String path) {
        return new UnsupportedSchemaException("", path, "the value the schema describes holds more than "
                + MAX_VALUES + " values or " + MAX_CHARS + " characters of text (" + where(path)
                + "), more than the emulator generates");
    }
}
