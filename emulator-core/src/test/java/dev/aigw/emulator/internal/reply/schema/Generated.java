package dev.aigw.emulator.internal.reply.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Generates JSON for a schema in a test, and checks it with {@link JsonSchemas#violations}. */
final class Generated {

    private Generated() {
    }

    /** Returns the JSON generated for the schema, having checked that it validates against it. */
    static String json(String schema) {
        String json;
        try {
            json = JsonSchemas.generate(schema);
        } catch (UnsupportedSchemaException e) {
            throw new AssertionError("refused: " + e.getMessage(), e);
        }
        assertThat(JsonSchemas.violations(schema, json)).as("violations of %s", json).isEmpty();
        return json;
    }

    /** Returns the refusal of the schema. */
    static UnsupportedSchemaException refusal(String schema) {
        try {
            String json = JsonSchemas.generate(schema);
            return fail("expected a refusal, got " + json);
        } catch (UnsupportedSchemaException e) {
            return e;
        }
    }

    /** Reads a file of src/test/resources/json-schemas. */
    static String fixture(String name) {
        try (InputStream in = Generated.class.getResourceAsStream("/json-schemas/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
