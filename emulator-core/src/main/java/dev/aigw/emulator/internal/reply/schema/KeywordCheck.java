package dev.aigw.emulator.internal.reply.schema;

import static dev.aigw.emulator.internal.reply.schema.SchemaTree.child;
import static dev.aigw.emulator.internal.reply.schema.SchemaTree.where;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.util.Suggestions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks, before anything is generated, that every schema in a document (its {@code $defs} and every branch of
 * every {@code anyOf} included) uses only the keywords the emulator generates JSON for, with values of the right
 * shape, and that its references point inside it.
 */
final class KeywordCheck {

    /** The keywords that constrain, in the order the refusal lists them. */
    static final List<String> CONSTRAINING = List.of("type", "properties", "required", "additionalProperties",
            "items", "enum", "const", "anyOf", "$ref", "$defs", "definitions", "format", "minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems");

    /** The keywords that never constrain a value. */
    static final List<String> ANNOTATIONS = List.of("title", "description", "$schema", "$id", "$comment", "default",
            "examples", "deprecated", "readOnly", "writeOnly");

    static final List<String> TYPES = List.of("string", "number", "integer", "boolean", "null", "object", "array");

    /** The JSON Schema keywords (2020-12 and earlier drafts, plus OpenAPI's) the emulator knows and does not answer. */
    private static final Set<String> KNOWN_UNSUPPORTED = Set.of("pattern", "oneOf", "allOf", "not", "if", "then",
            "else", "patternProperties", "propertyNames", "minProperties", "maxProperties", "dependentRequired",
            "dependentSchemas", "dependencies", "prefixItems", "additionalItems", "contains", "minContains",
            "maxContains", "uniqueItems", "unevaluatedItems", "unevaluatedProperties", "$anchor", "$dynamicRef",
            "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "$vocabulary", "contentEncoding",
            "contentMediaType", "contentSchema", "nullable", "discriminator");

    private static final List<String> SUPPORTED = concat(CONSTRAINING, ANNOTATIONS);

    private static final int MAX_EXPONENT = 1000;

    private final SchemaTree tree;

    private KeywordCheck(SchemaTree tree) {
        this.tree = tree;
    }

    /** Throws naming the first keyword (in document order) outside the subset, or the first malformed value. */
    static void check(SchemaTree tree) throws UnsupportedSchemaException {
        new KeywordCheck(tree).schema(tree.root(), "", "", 0);
    }

    /** Returns the sentence every refusal of a keyword ends with. */
    static String supported() {
        return "the emulator generates JSON for the keywords " + String.join(", ", CONSTRAINING)
                + " (formats " + String.join(", ", Formats.NAMES) + "), and ignores the annotations "
                + String.join(", ", ANNOTATIONS);
    }

    private void schema(JsonNode node, String path, String holder, int depth) throws UnsupportedSchemaException {
        if (depth > ExampleJson.MAX_DEPTH) {
            throw new UnsupportedSchemaException(holder, path, "the schema nests deeper than "
                    + ExampleJson.MAX_DEPTH + " levels " + where(path));
        }
        if (node.isBoolean()) {
            if (!node.booleanValue()) {
                throw new UnsupportedSchemaException(holder, path, "the schema " + where(path)
                        + " is false, which no value meets");
            }
            return;
        }
        if (!node.isObject()) {
            throw new UnsupportedSchemaException(holder, path, "the schema " + where(path)
                    + " must be a JSON object, got " + kind(node));
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String keyword = member.getKey();
            if (!SUPPORTED.contains(keyword)) {
                throw unsupported(keyword, path);
            }
            keyword(keyword, member.getValue(), path, depth);
        }
    }

    private void keyword(String keyword, JsonNode value, String path, int depth) throws UnsupportedSchemaException {
        switch (keyword) {
            case "type" -> type(value, path);
            case "properties", "$defs", "definitions" -> {
                require(value.isObject(), keyword, path, "an object of schemas");
                for (Map.Entry<String, JsonNode> member : value.properties()) {
                    schema(member.getValue(), child(child(path, keyword), member.getKey()), keyword, depth + 1);
                }
            }
            case "required" -> {
                require(value.isArray(), keyword, path, "an array of property names");
                for (JsonNode name : value) {
                    require(name.isTextual(), keyword, path, "an array of property names");
                }
            }
            case "additionalProperties" -> {
                if (!value.isBoolean()) {
                    schema(value, child(path, keyword), keyword, depth + 1);
                }
            }
            case "items" -> {
                if (value.isArray()) {
                    throw new UnsupportedSchemaException(keyword, path, "\"items\" " + where(path) + " is an array"
                            + " (a tuple, as drafts before 2020-12 wrote \"prefixItems\"); the emulator generates"
                            + " arrays whose items share one schema");
                }
                schema(value, child(path, keyword), keyword, depth + 1);
            }
            case "enum" -> require(value.isArray() && !value.isEmpty(), keyword, path, "a non-empty array");
            case "anyOf" -> {
                require(value.isArray() && !value.isEmpty(), keyword, path, "a non-empty array of schemas");
                for (int i = 0; i < value.size(); i++) {
                    schema(value.get(i), child(child(path, keyword), Integer.toString(i)), keyword, depth + 1);
                }
            }
            case "$ref" -> {
                require(value.isTextual(), keyword, path, "a string");
                tree.resolve(value.textValue(), path);
            }
            case "format" -> {
                require(value.isTextual(), keyword, path, "a string");
                if (!Formats.NAMES.contains(value.textValue())) {
                    throw new UnsupportedSchemaException(keyword, path, "\"format\": \"" + value.textValue() + "\" "
                            + where(path) + " is not a format the emulator generates"
                            + Suggestions.didYouMean(value.textValue(), Formats.NAMES) + "; it knows "
                            + String.join(", ", Formats.NAMES));
                }
            }
            case "minLength", "maxLength", "minItems", "maxItems" -> {
                require(value.isNumber(), keyword, path, "a non-negative integer");
                sane(value, keyword, path);
                require(value.canConvertToExactIntegral() && value.decimalValue().signum() >= 0, keyword, path,
                        "a non-negative integer");
            }
            case "multipleOf" -> {
                require(value.isNumber() && value.decimalValue().signum() > 0, keyword, path, "a number greater than 0");
                sane(value, keyword, path);
            }
            case "minimum", "maximum" -> {
                require(value.isNumber(), keyword, path, "a number");
                sane(value, keyword, path);
            }
            case "exclusiveMinimum", "exclusiveMaximum" -> {
                require(value.isNumber() || value.isBoolean(), keyword, path, "a number (or, in draft-04, a boolean)");
                if (value.isNumber()) {
                    sane(value, keyword, path);
                }
            }
            default -> {
                // const, and the annotations: any value will do.
            }
        }
    }

    private static void type(JsonNode value, String path) throws UnsupportedSchemaException {
        if (value.isArray()) {
            require(!value.isEmpty(), "type", path, "a type name or a non-empty array of them");
            for (JsonNode name : value) {
                require(name.isTextual(), "type", path, "a type name or a non-empty array of them");
                typeName(name.textValue(), path);
            }
        } else {
            require(value.isTextual(), "type", path, "a type name or a non-empty array of them");
            typeName(value.textValue(), path);
        }
    }

    private static void typeName(String name, String path) throws UnsupportedSchemaException {
        if (!TYPES.contains(name)) {
            throw new UnsupportedSchemaException("type", path, "\"type\": \"" + name + "\" " + where(path)
                    + " is not a JSON Schema type" + Suggestions.didYouMean(name, TYPES) + "; the types are "
                    + String.join(", ", TYPES));
        }
    }

    /** Refuses numbers whose arithmetic would be huge, such as {@code 1e-999999999}, rather than spend on them. */
    private static void sane(JsonNode value, String keyword, String path) throws UnsupportedSchemaException {
        BigDecimal d = value.decimalValue();
        if (Math.abs(d.scale()) > MAX_EXPONENT || d.precision() - d.scale() > MAX_EXPONENT) {
            throw new UnsupportedSchemaException(keyword, path, "\"" + keyword + "\" " + where(path) + " is " + value
                    + ", beyond the numbers the emulator works with (exponents up to " + MAX_EXPONENT + ")");
        }
    }

    private static void require(boolean ok, String keyword, String path, String shape)
            throws UnsupportedSchemaException {
        if (!ok) {
            throw new UnsupportedSchemaException(keyword, path, "\"" + keyword + "\" " + where(path) + " must be "
                    + shape);
        }
    }

    private static UnsupportedSchemaException unsupported(String keyword, String path) {
        String what = KNOWN_UNSUPPORTED.contains(keyword)
                ? "is a JSON Schema keyword the emulator does not generate JSON for"
                : "is not a JSON Schema keyword the emulator knows" + Suggestions.didYouMean(keyword, SUPPORTED);
        return new UnsupportedSchemaException(keyword, path, "\"" + keyword + "\" " + where(path) + " " + what
                + "; " + supported());
    }

    private static String kind(JsonNode node) {
        return "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
