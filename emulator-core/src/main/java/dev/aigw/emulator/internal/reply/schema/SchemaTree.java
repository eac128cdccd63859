package dev.aigw.emulator.internal.reply.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.json.Json;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A JSON Schema read into a tree, with the one way to follow its local {@code $ref}s and to write where a part of
 * it is (a JSON pointer, {@code ""} for the root).
 */
record SchemaTree(JsonNode root) {

    /** A schema found by following a reference: the node and its JSON pointer. */
    record Located(JsonNode node, String pointer) {
    }

    /** Reads schema text; throws naming what is wrong when it is not one JSON value. */
    static SchemaTree parse(String schema) throws UnsupportedSchemaException {
        if (schema == null) {
            throw new UnsupportedSchemaException("", "", "there is no schema (null)");
        }
        JsonNode root;
        try {
            root = Json.parse(schema);
        } catch (JsonProcessingException e) {
            throw new UnsupportedSchemaException("", "", "the schema is not JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root.isMissingNode()) {
            throw new UnsupportedSchemaException("", "", "the schema is empty; it must be a JSON object");
        }
        return new SchemaTree(root);
    }

    /**
     * Returns the schema a local reference ({@code #} or {@code #/a/b}, a JSON pointer in a URI fragment) points to;
     * throws naming {@code $ref} at {@code at} for any other reference or one that points to nothing.
     */
    Located resolve(String ref, String at) throws UnsupportedSchemaException {
        if (!ref.startsWith("#")) {
            throw new UnsupportedSchemaException("$ref", at, "\"$ref\": \"" + ref + "\" " + where(at)
                    + " refers outside the schema; the emulator follows local references only, such as"
                    + " \"#/$defs/Name\"");
        }
        String pointer;
        try {
            pointer = URLDecoder.decode(ref.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedSchemaException("$ref", at, "\"$ref\": \"" + ref + "\" " + where(at)
                    + " is not a URI fragment (" + e.getMessage() + ")");
        }
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            throw new UnsupportedSchemaException("$ref", at, "\"$ref\": \"" + ref + "\" " + where(at)
                    + " names an anchor; the emulator follows JSON pointers only, such as \"#/$defs/Name\"");
        }
        JsonNode node = root;
        if (!pointer.isEmpty()) {
            for (String token : pointer.substring(1).split("/", -1)) {
                String name = token.replace("~1", "/").replace("~0", "~");
                node = node.isArray() && name.matches("0|[1-9][0-9]{0,8}") ? node.get(Integer.parseInt(name))
                        : node.isObject() ? node.get(name) : null;
                if (node == null) {
                    throw new UnsupportedSchemaException("$ref", at, "\"$ref\": \"" + ref + "\" " + where(at)
                            + " points to nothing in the schema");
                }
            }
        }
        return new Located(node, pointer);
    }

    /**
     * Returns a non-negative count keyword's value ({@code minItems}, {@code maxLength}...), or {@code otherwise}
     * when the schema lacks it; values beyond a long count as {@link Long#MAX_VALUE}.
     */
    static long count(JsonNode schema, String keyword, long otherwise) {
        JsonNode value = schema.get(keyword);
        return value == null ? otherwise : value.decimalValue().min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
    }

    /** Returns the pointer to member {@code name} of the schema at {@code path}. */
    static String child(String path, String name) {
        return path + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    /** Words where a schema is, for messages: {@code at /properties/zip}, or {@code at the root of the schema}. */
    static String where(String path) {
        return path.isEmpty() ? "at the root of the schema" : "at " + path;
    }
}
