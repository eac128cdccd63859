package dev.aigw.emulator.internal.reply.schema;

import dev.aigw.emulator.internal.json.Json;
import java.util.List;

/**
 * Generates deterministic JSON that validates against a JSON Schema (the subset OpenAI's strict structured outputs
 * accept), and validates JSON against a schema.
 *
 * <p>The subset: {@code type} (one name or a list such as {@code ["string", "null"]}), {@code properties},
 * {@code required}, {@code additionalProperties} ({@code false} or a schema), {@code items}, {@code enum},
 * {@code const}, {@code anyOf}, {@code $defs} and {@code definitions} with local {@code $ref}s (recursive ones
 * included), {@code format} (date-time, date, time, duration, email, hostname, ipv4, ipv6, uri, uuid), the bounds
 * {@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum}, {@code multipleOf},
 * {@code minLength}, {@code maxLength}, {@code minItems}, {@code maxItems}, and the annotations {@code title},
 * {@code description}, {@code $schema}, {@code $id}, {@code $comment}, {@code default}, {@code examples},
 * {@code deprecated}, {@code readOnly}, {@code writeOnly}, which change nothing. A schema with any other keyword
 * anywhere (in {@code $defs} and unused branches too), such as {@code pattern}, {@code oneOf} or {@code allOf},
 * or a reference outside the document, is refused with an {@link UnsupportedSchemaException} naming the keyword
 * and where it is.
 *
 * <p>The value generated, so that a test can predict it:
 * <ul>
 *   <li>{@code const} gives its value, {@code enum} its first value;</li>
 *   <li>{@code anyOf} and a list of types give the first alternative that is not {@code null}; {@code null} only
 *       when it is the only one left;</li>
 *   <li>an object has every property of {@code properties}, in the schema's order, and then any name in
 *       {@code required} that {@code properties} lacks (valued by {@code additionalProperties}, else null);</li>
 *   <li>an array has one item ({@code minItems} of them when that is more, {@code maxItems} when that is less),
 *       all alike;</li>
 *   <li>a string is the name of the property that holds it ({@code "city"} for a property {@code city}, the
 *       array's name for its items, {@code "text"} where there is none), cut at {@code maxLength}, or repeated
 *       with spaces up to {@code minLength} ({@code "city city c"}); with a {@code format}, a fixed example:
 *       {@code 2025-01-01T00:00:00Z}, {@code 2025-01-01}, {@code 00:00:00Z}, {@code P1D},
 *       {@code user@example.com}, {@code example.com}, {@code 192.0.2.1}, {@code 2001:db8::1},
 *       {@code https://example.com/}, {@code 00000000-0000-4000-8000-000000000000};</li>
 *   <li>an integer is 1 and a number 1.5, or the nearest value the bounds and {@code multipleOf} allow;</li>
 *   <li>a boolean is {@code true}; a schema with no type and no keyword implying one (such as {@code {}}) gives
 *       {@code null}.</li>
 * </ul>
 * A {@code $ref} back into a schema already being generated ends that branch: an {@code anyOf} or type list then
 * takes its next alternative (typically {@code null}), an array is empty, an optional property is left out. A
 * recursion with none of these ways out has no finite value, and is refused.
 *
 * <p>Thread-safe. The validator is loaded on first use.
 */
public final class JsonSchemas {

    private JsonSchemas() {
    }

    /**
     * Returns JSON text that validates against the schema, the same for the same schema.
     *
     * @throws UnsupportedSchemaException naming the first keyword outside the subset, and where it is; or saying
     *                                    that the schema is not JSON, or that no value meets it
     */
    public static String generate(String schema) throws UnsupportedSchemaException {
        SchemaTree tree = SchemaTree.parse(schema);
        KeywordCheck.check(tree);
        String json = Json.text(ExampleJson.of(tree));
        List<String> violations = violations(schema, json);
        if (!violations.isEmpty()) {
            // The keywords combine in a way the generator does not follow, e.g. an enum value of another type.
            String shown = json.length() <= 200 ? json : json.substring(0, 197) + "...";
            throw new UnsupportedSchemaException("", "", "the emulator cannot make a value that meets all of the"
                    + " schema: its best try, " + shown + ", fails: " + String.join("; ", violations));
        }
        return json;
    }

    /**
     * Returns why the JSON does not validate against the schema, one line each naming where (a JSON path such as
     * {@code $.address.city}); empty when it validates. JSON text that is not JSON gets one line saying so.
     */
    public static List<String> violations(String schema, String json) {
        return Validator.INSTANCE.violations(schema, json);
    }

    /** Holds the validator, so that loading it waits for the first schema. */
    private static final class Validator {
        static final SchemaValidation INSTANCE = new SchemaValidation();
    }
}
