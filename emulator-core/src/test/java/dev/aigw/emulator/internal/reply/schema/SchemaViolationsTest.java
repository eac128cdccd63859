package dev.aigw.emulator.internal.reply.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonSchemas#violations} says why JSON does not validate, one line per failure naming where (a JSON path),
 * in the dialect the schema names, with formats asserted and without reaching the network.
 */
class SchemaViolationsTest {

    private static final String ADDRESS = """
            {"type": "object",
             "properties": {"address": {"type": "object", "properties": {"city": {"type": "string"}},
                                        "required": ["city"]}},
             "required": ["address"], "additionalProperties": false}""";

    @Test
    void jsonThatValidatesHasNoViolations() {
        assertThat(JsonSchemas.violations(ADDRESS, "{\"address\": {\"city\": \"Oslo\"}}")).isEmpty();
    }

    @Test
    void eachViolationNamesTheFailingLocation() {
        assertThat(JsonSchemas.violations(ADDRESS, "{\"address\": {\"city\": 5}, \"extra\": true}")).containsExactly(
                "$.address.city: integer found, string expected",
                "$: property 'extra' is not defined in the schema and the schema does not allow additional properties");
        assertThat(JsonSchemas.violations(ADDRESS, "{\"address\": {}}"))
                .containsExactly("$.address: required property 'city' not found");
    }

    @Test
    void textThatIsNotJsonIsOneViolationSayingSo() {
        assertThat(JsonSchemas.violations(ADDRESS, "{\"address\": "))
                .containsExactly("$: not JSON (Unexpected end-of-input within/between Object entries)");
        assertThat(JsonSchemas.violations(ADDRESS, "")).containsExactly("$: not JSON (the text is empty)");
        assertThat(JsonSchemas.violations(ADDRESS, "Sure! Here is the JSON: {}")).hasSize(1)
                .allMatch(v -> v.startsWith("$: not JSON ("));
    }

    @Test
    void formatsAreAsserted() {
        String schema = "{\"type\": \"object\", \"properties\": {\"when\": {\"type\": \"string\", \"format\": \"date\"}}}";

        assertThat(JsonSchemas.violations(schema, "{\"when\": \"2025-02-30\"}")).singleElement().asString()
                .startsWith("$.when: ").contains("RFC 3339 full-date");
        assertThat(JsonSchemas.violations(schema, "{\"when\": \"2025-02-28\"}")).isEmpty();
    }

    @Test
    void theDialectComesFromDollarSchema() {
        String body = "\"definitions\": {\"any\": {}}, \"properties\": {\"x\": {\"$ref\": \"#/definitions/any\","
                + " \"type\": \"string\"}}";

        // Before 2019-09, keywords beside $ref are ignored; from 2019-09 on, they apply.
        assertThat(JsonSchemas.violations("{\"$schema\": \"http://json-schema.org/draft-07/schema#\", " + body + "}",
                "{\"x\": 5}")).isEmpty();
        assertThat(JsonSchemas.violations("{" + body + "}", "{\"x\": 5}"))
                .containsExactly("$.x: integer found, string expected");
        assertThat(JsonSchemas.violations("""
                {"$schema": "http://json-schema.org/draft-04/schema#", "maximum": 10, "exclusiveMaximum": true}""",
                "10")).singleElement().asString().startsWith("$: ");
    }

    @Test
    void anUnknownDialectIsAppliedAs2020_12WithoutFetchingIt() {
        assertThat(JsonSchemas.violations("{\"$schema\": \"https://example.invalid/dialect\", \"type\": \"string\"}",
                "5")).containsExactly("$: integer found, string expected");
    }

    @Test
    void keywordsTheValidatorDoesNotKnowAreAnnotations() {
        assertThat(JsonSchemas.violations("{\"type\": \"string\", \"x-vendor\": {\"type\": \"integer\"}}", "5"))
                .containsExactly("$: integer found, string expected");
        assertThat(JsonSchemas.violations("{\"type\": \"string\", \"format\": \"int32\"}", "\"five\"")).isEmpty();
    }

    @Test
    void aReferenceOutsideTheSchemaIsAViolationNotAFetch() {
        assertThat(JsonSchemas.violations("{\"$ref\": \"https://example.invalid/remote.json\"}", "5"))
                .containsExactly("the schema cannot be applied: Schema from 'https://example.invalid/remote.json' is"
                        + " not allowed to be loaded.");
    }

    @Test
    void aSchemaThatIsNotJsonIsOneViolationSayingSo() {
        assertThat(JsonSchemas.violations("{\"type\": ", "5")).singleElement().asString()
                .startsWith("the schema is not JSON (");
        assertThat(JsonSchemas.violations("[]", "5")).containsExactly("the schema is not a JSON object");
        assertThat(JsonSchemas.violations("", "5")).containsExactly("the schema is empty; it must be a JSON object");
        assertThat(JsonSchemas.violations(null, "5")).containsExactly("there is no schema (null)");
    }

    @Test
    void theSameSchemaAppliedFromManyThreadsGivesTheSameAnswers() {
        List<CompletableFuture<List<String>>> answers = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> JsonSchemas.violations(ADDRESS,
                        "{\"address\": {\"city\": " + (i % 2 == 0 ? "\"Rome\"" : "1") + "}}")))
                .toList();

        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).join()).as("answer %d", i)
                    .isEqualTo(i % 2 == 0 ? List.of() : List.of("$.address.city: integer found, string expected"));
        }
    }

    @Test
    void aLongSchemaIsAppliedWithoutBeingRemembered() {
        String description = "x".repeat(70_000);
        String schema = "{\"type\": \"integer\", \"description\": \"" + description + "\"}";

        assertThat(JsonSchemas.violations(schema, "1")).isEmpty();
        assertThat(JsonSchemas.violations(schema, "true")).containsExactly("$: boolean found, integer expected");
    }
}
