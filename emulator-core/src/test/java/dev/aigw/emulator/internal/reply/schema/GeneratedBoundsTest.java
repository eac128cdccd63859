package dev.aigw.emulator.internal.reply.schema;

import static dev.aigw.emulator.internal.reply.schema.Generated.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.internal.json.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers and strings keep to their bounds: 1 (or 1.5) when the bounds allow it, else the nearest value they do;
 * a string is cut at maxLength or repeated up to minLength. Each value is checked against the exact text, with
 * plain arithmetic on it, and with {@link JsonSchemas#violations}.
 */
class GeneratedBoundsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"type\": \"integer\", \"minimum\": 5}                              | 5",
        "{\"type\": \"integer\", \"maximum\": -3}                             | -3",
        "{\"type\": \"integer\", \"minimum\": 0, \"maximum\": 10}             | 1",
        "{\"type\": \"integer\", \"exclusiveMinimum\": 1}                     | 2",
        "{\"type\": \"integer\", \"exclusiveMaximum\": 1}                     | 0",
        "{\"type\": \"integer\", \"minimum\": 1.5}                            | 2",
        "{\"type\": \"integer\", \"multipleOf\": 5}                           | 0",
        "{\"type\": \"integer\", \"multipleOf\": 5, \"minimum\": 1}           | 5",
        "{\"type\": \"integer\", \"multipleOf\": 2.5, \"minimum\": 1}         | 5",
        "{\"type\": \"integer\", \"multipleOf\": 0.5}                         | 1",
        "{\"type\": \"integer\", \"multipleOf\": 3, \"exclusiveMaximum\": -3} | -6",
        "{\"type\": \"integer\", \"minimum\": 100000000000000000000}          | 100000000000000000000",
        "{\"type\": \"number\", \"minimum\": 2}                               | 2",
        "{\"type\": \"number\", \"minimum\": 0, \"maximum\": 1}               | 1",
        "{\"type\": \"number\", \"exclusiveMinimum\": 2}                      | 3",
        "{\"type\": \"number\", \"exclusiveMaximum\": 1}                      | 0",
        "{\"type\": \"number\", \"exclusiveMinimum\": 0, \"exclusiveMaximum\": 1} | 0.5",
        "{\"type\": \"number\", \"minimum\": 1e3}                             | 1000",
        "{\"type\": \"number\", \"multipleOf\": 0.25}                         | 1.5",
        "{\"type\": \"number\", \"multipleOf\": 0.1, \"minimum\": 2.05}       | 2.1",
        "{\"type\": \"number\", \"multipleOf\": 4}                            | 0",
    })
    void numbersMeetTheirBounds(String schema, String expected) {
        String json = json(schema);

        assertThat(json).isEqualTo(expected);
    }

    @Test
    void draft04BooleanExclusiveBoundsMakeMinimumAndMaximumExclusive() {
        String draft04 = "\"$schema\": \"http://json-schema.org/draft-04/schema#\", \"type\": \"integer\"";

        assertThat(json("{" + draft04 + ", \"minimum\": 1, \"exclusiveMinimum\": true}")).isEqualTo("2");
        assertThat(json("{" + draft04 + ", \"maximum\": 1, \"exclusiveMaximum\": true}")).isEqualTo("0");
        assertThat(json("{" + draft04 + ", \"maximum\": 1, \"exclusiveMaximum\": false}")).isEqualTo("1");
    }

    @Test
    void aMultipleOfAFractionIsExactWithoutBinaryRounding() {
        String json = json("{\"type\": \"number\", \"multipleOf\": 0.01, \"minimum\": 0.07}");

        assertThat(new BigDecimal(json).remainder(new BigDecimal("0.01"))).isZero();
        assertThat(json).isEqualTo("1.5");
    }

    @Test
    void countsWrittenAsDecimalsAreCounts() {
        assertThat(json("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"minItems\": 2.0}"))
                .isEqualTo("[1,1]");
        assertThat(json("{\"type\": \"string\", \"maxLength\": 2.0}")).isEqualTo("\"te\"");
    }

    @Test
    void aStringIsCutAtMaxLength() {
        assertThat(json("{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"maxLength\": 3}}}"))
                .isEqualTo("{\"city\":\"cit\"}");
        assertThat(json("{\"type\": \"string\", \"maxLength\": 0}")).isEqualTo("\"\"");
    }

    @Test
    void aStringIsRepeatedWithSpacesUpToMinLength() {
        assertThat(json("{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\", \"minLength\": 11}}}"))
                .isEqualTo("{\"city\":\"city city c\"}");
        assertThat(json("{\"type\": \"string\", \"minLength\": 4, \"maxLength\": 4}")).isEqualTo("\"text\"");
    }

    @Test
    void lengthsCountCodePointsNotUtf16Units() throws Exception {
        String json = json("""
                {"type": "object", "properties": {"\uD83D\uDE00\uD83D\uDE01": {"type": "string", "maxLength": 1}}}""");

        assertThat(Json.parse(json).get("\uD83D\uDE00\uD83D\uDE01").textValue()).isEqualTo("\uD83D\uDE00");
    }
}
