package dev.aigw.emulator.internal.reply.schema;

import static dev.aigw.emulator.internal.reply.schema.Generated.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A schema outside the subset is refused with a message naming the keyword, where it is (a JSON pointer), what
 * the emulator answers instead, and what a near miss probably meant.
 */
class UnsupportedSchemaTest {

    private static final String SUPPORTED = "the emulator generates JSON for the keywords type, properties,"
            + " required, additionalProperties, items, enum, const, anyOf, $ref, $defs, definitions, format, minimum,"
            + " maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minLength, maxLength, minItems, maxItems"
            + " (formats date-time, date, time, duration, email, hostname, ipv4, ipv6, uri, uuid), and ignores the"
            + " annotations title, description, $schema, $id, $comment, default, examples, deprecated, readOnly,"
            + " writeOnly";

    @Test
    void aKeywordOutsideTheSubsetIsNamedWithItsPathAndTheKeywordsSupported() {
        UnsupportedSchemaException e = refusal("""
                {"type": "object", "properties": {"zip": {"type": "string", "pattern": "^[0-9]{5}$"}}}""");

        assertThat(e.keyword()).isEqualTo("pattern");
        assertThat(e.path()).isEqualTo("/properties/zip");
        assertThat(e.getMessage()).isEqualTo("\"pattern\" at /properties/zip is a JSON Schema keyword the emulator"
                + " does not generate JSON for; " + SUPPORTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"oneOf", "allOf", "not", "if", "patternProperties", "dependentRequired", "prefixItems",
        "uniqueItems", "minProperties", "unevaluatedProperties", "$anchor", "$dynamicRef"})
    void otherJsonSchemaKeywordsAreRefusedWithoutAGuess(String keyword) {
        UnsupportedSchemaException e = refusal("{\"" + keyword + "\": {}}");

        assertThat(e.keyword()).isEqualTo(keyword);
        assertThat(e.path()).isEmpty();
        assertThat(e.getMessage()).startsWith("\"" + keyword + "\" at the root of the schema is a JSON Schema keyword"
                + " the emulator does not generate JSON for; ").doesNotContain("did you mean");
    }

    @Test
    void aMisspelledKeywordGetsADidYouMean() {
        assertThat(refusal("{\"type\": \"object\", \"require\": [\"a\"]}").getMessage())
                .startsWith("\"require\" at the root of the schema is not a JSON Schema keyword the emulator knows"
                        + " (did you mean \"required\"?); the emulator generates JSON for the keywords type,");
        assertThat(refusal("{\"type\": \"object\", \"propertes\": {}}").getMessage())
                .contains("(did you mean \"properties\"?)");
        assertThat(refusal("{\"type\": \"string\", \"minLenght\": 2}").getMessage())
                .contains("(did you mean \"minLength\"?)");
        assertThat(refusal("{\"type\": \"object\", \"additionalproperties\": false}").getMessage())
                .contains("(did you mean \"additionalProperties\"?)");
    }

    @Test
    void anUnknownKeywordFarFromAnyIsNamedWithoutAGuess() {
        UnsupportedSchemaException e = refusal("{\"type\": \"string\", \"x-vendor-extension\": true}");

        assertThat(e.getMessage()).startsWith("\"x-vendor-extension\" at the root of the schema is not a JSON Schema"
                + " keyword the emulator knows; the emulator generates");
    }

    @Test
    void unusedPartsOfTheSchemaAreCheckedToo() {
        assertThat(refusal("""
                {"$defs": {"Unused": {"type": "string", "pattern": "x"}}, "type": "integer"}""").path())
                .isEqualTo("/$defs/Unused");
        assertThat(refusal("""
                {"anyOf": [{"type": "integer"}, {"type": "string", "format": "int32"}]}""").path())
                .isEqualTo("/anyOf/1");
        assertThat(refusal("""
                {"type": "object", "properties": {"a/b": {"type": "array", "items": {"oneOf": []}}}}""").path())
                .isEqualTo("/properties/a~1b/items");
    }

    @Test
    void aTypeThatIsNotOneGetsADidYouMean() {
        UnsupportedSchemaException e = refusal("{\"type\": [\"strng\", \"null\"]}");

        assertThat(e.keyword()).isEqualTo("type");
        assertThat(e.getMessage()).isEqualTo("\"type\": \"strng\" at the root of the schema is not a JSON Schema type"
                + " (did you mean \"string\"?); the types are string, number, integer, boolean, null, object, array");
    }

    @Test
    void anUnknownFormatIsNamedWithTheFormatsKnown() {
        UnsupportedSchemaException e = refusal("""
                {"type": "object", "properties": {"at": {"type": "string", "format": "date_time"}}}""");

        assertThat(e.keyword()).isEqualTo("format");
        assertThat(e.path()).isEqualTo("/properties/at");
        assertThat(e.getMessage()).isEqualTo("\"format\": \"date_time\" at /properties/at is not a format the"
                + " emulator generates (did you mean \"date-time\"?); it knows date-time, date, time, duration, email,"
                + " hostname, ipv4, ipv6, uri, uuid");
    }

    @Test
    void referencesOutsideTheSchemaAreRefused() {
        UnsupportedSchemaException remote = refusal("""
                {"type": "object", "properties": {"a": {"$ref": "https://example.com/address.json"}}}""");
        assertThat(remote.keyword()).isEqualTo("$ref");
        assertThat(remote.path()).isEqualTo("/properties/a");
        assertThat(remote.getMessage()).isEqualTo("\"$ref\": \"https://example.com/address.json\" at /properties/a"
                + " refers outside the schema; the emulator follows local references only, such as \"#/$defs/Name\"");

        assertThat(refusal("{\"$ref\": \"#address\"}").getMessage()).contains("names an anchor");
        assertThat(refusal("{\"$ref\": \"#/$defs/100%\"}").getMessage()).startsWith("\"$ref\": \"#/$defs/100%\" at the"
                + " root of the schema is not a URI fragment (");
        assertThat(refusal("{\"$defs\": {}, \"$ref\": \"#/$defs/Missing\"}").getMessage())
                .isEqualTo("\"$ref\": \"#/$defs/Missing\" at the root of the schema points to nothing in the schema");
    }

    @Test
    void malformedValuesOfSupportedKeywordsAreNamed() {
        assertThat(refusal("{\"type\": \"object\", \"required\": \"a\"}").getMessage())
                .isEqualTo("\"required\" at the root of the schema must be an array of property names");
        assertThat(refusal("{\"type\": \"array\", \"minItems\": -1}").getMessage())
                .isEqualTo("\"minItems\" at the root of the schema must be a non-negative integer");
        assertThat(refusal("{\"enum\": []}").getMessage())
                .isEqualTo("\"enum\" at the root of the schema must be a non-empty array");
        assertThat(refusal("{\"type\": \"number\", \"multipleOf\": 0}").keyword()).isEqualTo("multipleOf");
        assertThat(refusal("{\"type\": \"object\", \"properties\": {\"a\": \"string\"}}").getMessage())
                .isEqualTo("the schema at /properties/a must be a JSON object, got a string");
        assertThat(refusal("{\"type\": \"array\", \"items\": [{\"type\": \"string\"}]}").getMessage())
                .startsWith("\"items\" at the root of the schema is an array (a tuple");
        assertThat(refusal("{\"type\": \"object\", \"properties\": {\"never\": false}}").getMessage())
                .isEqualTo("the schema at /properties/never is false, which no value meets");
    }

    @Test
    void aSchemaThatIsNotJsonIsRefusedSayingSo() {
        UnsupportedSchemaException e = refusal("{\"type\": ");

        assertThat(e.keyword()).isEmpty();
        assertThat(e.path()).isEmpty();
        assertThat(e.getMessage()).startsWith("the schema is not JSON (").contains("line 1, column 10");
        assertThat(refusal("").getMessage()).isEqualTo("the schema is empty; it must be a JSON object");
        assertThat(refusal("[1]").getMessage()).isEqualTo("the schema at the root of the schema must be a JSON"
                + " object, got a array");
        assertThat(refusal("{\"a\": 1, \"a\": 2}").getMessage()).contains("Duplicate field 'a'");
    }

    @Test
    void boundsNoValueMeetsAreRefused() {
        assertThat(refusal("{\"type\": \"integer\", \"minimum\": 1, \"maximum\": 0}").getMessage())
                .isEqualTo("no integer meets the bounds at the root of the schema (minimum, maximum,"
                        + " exclusiveMinimum, exclusiveMaximum, multipleOf)");
        assertThat(refusal("{\"type\": \"integer\", \"multipleOf\": 10, \"minimum\": 1, \"maximum\": 9}").keyword())
                .isEqualTo("minimum");
        assertThat(refusal("{\"type\": \"number\", \"exclusiveMinimum\": 1, \"maximum\": 1}").keyword())
                .isEqualTo("minimum");
        assertThat(refusal("{\"type\": \"string\", \"minLength\": 3, \"maxLength\": 2}").getMessage())
                .isEqualTo("\"minLength\" 3 at the root of the schema is greater than \"maxLength\" 2, so no string"
                        + " meets both");
        assertThat(refusal("{\"type\": \"array\", \"minItems\": 3, \"maxItems\": 2}").keyword()).isEqualTo("minItems");
        assertThat(refusal("{\"type\": \"string\", \"format\": \"uuid\", \"maxLength\": 10}").keyword())
                .isEqualTo("format");
        assertThat(refusal("""
                {"type": "object", "required": ["extra"], "additionalProperties": false}""").getMessage())
                .isEqualTo("\"required\" at the root of the schema names \"extra\", which \"properties\" does not"
                        + " declare and \"additionalProperties\": false forbids, so no object meets the schema");
    }

    @Test
    void keywordsCombinedInAWayTheGeneratorDoesNotFollowAreRefusedWithTheViolation() {
        UnsupportedSchemaException e = refusal("{\"type\": \"integer\", \"enum\": [\"a\", 2]}");

        assertThat(e.getMessage()).isEqualTo("the emulator cannot make a value that meets all of the schema: its best"
                + " try, \"a\", fails: $: string found, integer expected");
    }

    @Test
    void schemasTooDeepOrTooLargeAreRefusedRatherThanExhaustingTheEmulator() {
        String deep = "{\"items\": ".repeat(150) + "{}" + "}".repeat(150);
        assertThat(refusal(deep).getMessage()).startsWith("the schema nests deeper than 100 levels at /items/items");

        assertThat(refusal("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"minItems\": 1000000}")
                .getMessage()).contains("holds more than 10000 values");
        assertThat(refusal("{\"type\": \"string\", \"minLength\": 1000000}").keyword()).isEqualTo("minLength");
        assertThat(refusal("{\"type\": \"array\", \"minItems\": 5000, \"items\": {\"type\": \"string\","
                + " \"minLength\": 5000}}").getMessage()).contains("or 1000000 characters of text");
        assertThat(refusal("{\"type\": \"number\", \"multipleOf\": 1e-999999999}").getMessage())
                .isEqualTo("\"multipleOf\" at the root of the schema is 1E-999999999, beyond the numbers the emulator"
                        + " works with (exponents up to 1000)");
        assertThat(refusal("{\"type\": \"array\", \"maxItems\": 1e999999999}").keyword()).isEqualTo("maxItems");

        StringBuilder fanOut = new StringBuilder("{\"$defs\": {");
        for (int level = 0; level < 6; level++) {
            fanOut.append(level == 0 ? "" : ", ").append("\"L").append(level).append("\": {\"type\": \"object\",")
                    .append(" \"properties\": {");
            for (int p = 0; p < 10; p++) {
                fanOut.append(p == 0 ? "" : ", ").append("\"p").append(p).append("\": ")
                        .append(level == 5 ? "{\"type\": \"integer\"}" : "{\"$ref\": \"#/$defs/L" + (level + 1) + "\"}");
            }
            fanOut.append("}}");
        }
        fanOut.append("}, \"$ref\": \"#/$defs/L0\"}");
        assertThat(refusal(fanOut.toString()).getMessage()).contains("holds more than 10000 values");
    }

    @Test
    void noSchemaAtAllIsRefused() {
        assertThat(refusal(null).getMessage()).isEqualTo("there is no schema (null)");
    }
}
