package dev.aigw.emulator.internal.reply.schema;

import static dev.aigw.emulator.internal.reply.schema.SchemaTree.where;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Picks the string a schema gets: the example of its {@code format}, else the name of the property that holds it,
 * cut at {@code maxLength}, or repeated
 * (space-separated) up to {@code minLength} and cut there (lengths in code points, as JSON Schema counts).
 */
final class ExampleStrings {

    /** The longest string the emulator writes for {@code minLength}. */
    static final int MAX_LENGTH = 10_000;

    private ExampleStrings() {
    }

    /** Returns the string for the schema, held by the property {@code name}. */
    static String of(JsonNode schema, String name, String path) throws UnsupportedSchemaException {
        long min = SchemaTree.count(schema, "minLength", 0);
        long max = SchemaTree.count(schema, "maxLength", Long.MAX_VALUE);
        if (min > max) {
            throw new UnsupportedSchemaException("minLength", path, "\"minLength\" " + min + " " + where(path)
                    + " is greater than \"maxLength\" " + max + ", so no string meets both");
        }
        if (min > MAX_LENGTH) {
            throw new UnsupportedSchemaException("minLength", path, "\"minLength\" " + min + " " + where(path)
                    + " asks for a longer string than the emulator writes (" + MAX_LENGTH + ")");
        }
        if (schema.has("format")) {
            String format = schema.get("format").textValue();
            String example = Formats.example(format);
            long length = example.codePointCount(0, example.length());
            if (length < min || length > max) {
                throw new UnsupportedSchemaException("format", path, "the " + format + " the emulator writes "
                        + where(path) + ", \"" + example + "\", is " + length + " characters long, outside"
                        + " \"minLength\" and \"maxLength\"");
            }
            return example;
        }
        String base = name.isEmpty() ? "text" : name;
        int length = base.codePointCount(0, base.length());
        if (length >= min) {
            return length <= max ? base : base.substring(0, base.offsetByCodePoints(0, (int) max));
        }
        StringBuilder s = new StringBuilder(base);
        while (s.codePointCount(0, s.length()) < min) {
            s.append(' ').append(base);
        }
        return s.substring(0, s.offsetByCodePoints(0, (int) min));
    }
}
