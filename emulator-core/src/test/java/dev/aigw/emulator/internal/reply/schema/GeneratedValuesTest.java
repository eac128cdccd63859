package dev.aigw.emulator.internal.reply.schema;

import static dev.aigw.emulator.internal.reply.schema.Generated.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Every keyword of the subset generates the value JsonSchemas' javadoc promises. Each value is checked twice:
 * against the exact text the rule predicts (written here by hand) and with {@link JsonSchemas#violations}.
 */
class GeneratedValuesTest {

    @Test
    void aStringIsTheNameOfThePropertyHoldingIt() {
        assertThat(json("""
                {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"],
                 "additionalProperties": false}""")).isEqualTo("{\"city\":\"city\"}");
    }

    @Test
    void aStringWithNoPropertyIsText() {
        assertThat(json("{\"type\": \"string\"}")).isEqualTo("\"text\"");
        assertThat(json("{\"type\": \"object\", \"properties\": {\"\": {\"type\": \"string\"}}}"))
                .isEqualTo("{\"\":\"text\"}");
    }

    @Test
    void theItemsOfAnArrayAreNamedAfterTheArray() {
        assertThat(json("""
                {"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string"}}}}"""))
                .isEqualTo("{\"tags\":[\"tags\"]}");
    }

    @Test
    void scalarsAreOneOneAndAHalfTrueAndNull() {
        assertThat(json("{\"type\": \"integer\"}")).isEqualTo("1");
        assertThat(json("{\"type\": \"number\"}")).isEqualTo("1.5");
        assertThat(json("{\"type\": \"boolean\"}")).isEqualTo("true");
        assertThat(json("{\"type\": \"null\"}")).isEqualTo("null");
    }

    @Test
    void anObjectHasEveryPropertyInTheSchemasOrderRequiredOrNot() {
        assertThat(json("""
                {"type": "object",
                 "properties": {"zeta": {"type": "integer"}, "alpha": {"type": "boolean"}, "mid": {"type": "null"}},
                 "required": ["mid"]}""")).isEqualTo("{\"zeta\":1,\"alpha\":true,\"mid\":null}");
    }

    @Test
    void aRequiredNameThatPropertiesLacksTakesTheAdditionalPropertiesSchemaElseNull() {
        assertThat(json("""
                {"type": "object", "required": ["count"], "additionalProperties": {"type": "integer"}}"""))
                .isEqualTo("{\"count\":1}");
        assertThat(json("{\"type\": \"object\", \"required\": [\"anything\"]}")).isEqualTo("{\"anything\":null}");
        assertThat(json("{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}}"))
                .isEqualTo("{}");
    }

    @Test
    void anArrayHasOneItemOrAsManyAsMinItemsUpToMaxItems() {
        assertThat(json("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}}")).isEqualTo("[1]");
        assertThat(json("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"minItems\": 3}"))
                .isEqualTo("[1,1,1]");
        assertThat(json("{\"type\": \"array\", \"items\": {\"type\": \"integer\"}, \"maxItems\": 0}"))
                .isEqualTo("[]");
        assertThat(json("{\"type\": \"array\", \"minItems\": 2}")).isEqualTo("[null,null]");
    }

    @Test
    void enumGivesItsFirstValueAndConstItsValue() {
        assertThat(json("{\"type\": \"string\", \"enum\": [\"north\", \"south\"]}")).isEqualTo("\"north\"");
        assertThat(json("{\"enum\": [3, \"three\", null]}")).isEqualTo("3");
        assertThat(json("{\"const\": {\"kind\": \"point\", \"at\": [1, 2.50]}}"))
                .isEqualTo("{\"kind\":\"point\",\"at\":[1,2.50]}");
    }

    @Test
    void aTypeListGivesItsFirstTypeThatIsNotNull() {
        assertThat(json("{\"type\": [\"null\", \"string\", \"integer\"]}")).isEqualTo("\"text\"");
        assertThat(json("{\"type\": [\"integer\", \"null\"]}")).isEqualTo("1");
        assertThat(json("{\"type\": [\"null\"]}")).isEqualTo("null");
    }

    @Test
    void anyOfGivesItsFirstAlternativeThatIsNotNull() {
        assertThat(json("{\"anyOf\": [{\"type\": \"null\"}, {\"type\": \"integer\"}, {\"type\": \"string\"}]}"))
                .isEqualTo("1");
        assertThat(json("{\"anyOf\": [{\"type\": \"null\"}]}")).isEqualTo("null");
    }

    @Test
    void aReferenceGivesTheValueOfItsTargetNamedAfterTheProperty() {
        assertThat(json("""
                {"$defs": {"Place": {"type": "object", "properties": {"name": {"type": "string"}}}},
                 "type": "object",
                 "properties": {"home": {"$ref": "#/$defs/Place"}, "work": {"$ref": "#/$defs/Place"},
                                "label": {"$ref": "#/definitions/Label"}},
                 "definitions": {"Label": {"type": "string"}}}"""))
                .isEqualTo("{\"home\":{\"name\":\"name\"},\"work\":{\"name\":\"name\"},\"label\":\"label\"}");
    }

    @Test
    void referencesFollowEscapedAndPercentEncodedPointers() {
        assertThat(json("""
                {"$defs": {"a/b": {"const": "slash"}, "c~d": {"const": "tilde"}, "e f": {"const": "space"}},
                 "type": "array", "minItems": 3, "maxItems": 3,
                 "items": {"anyOf": [{"$ref": "#/$defs/a~1b"}, {"$ref": "#/$defs/c~0d"}, {"$ref": "#/$defs/e%20f"}]}}
                """)).isEqualTo("[\"slash\",\"slash\",\"slash\"]");
        assertThat(json("{\"$defs\": {\"e f\": {\"const\": \"space\"}}, \"$ref\": \"#/$defs/e%20f\"}"))
                .isEqualTo("\"space\"");
        assertThat(json("{\"$defs\": {\"c~d\": {\"const\": \"tilde\"}}, \"$ref\": \"#/$defs/c~0d\"}"))
                .isEqualTo("\"tilde\"");
    }

    @Test
    void withoutATypeTheKeywordsImplyOne() {
        assertThat(json("{\"properties\": {\"id\": {\"type\": \"integer\"}}}")).isEqualTo("{\"id\":1}");
        assertThat(json("{\"items\": {\"type\": \"boolean\"}}")).isEqualTo("[true]");
        assertThat(json("{\"maxLength\": 2}")).isEqualTo("\"te\"");
        assertThat(json("{\"minimum\": 7}")).isEqualTo("7");
    }

    @Test
    void aSchemaThatAcceptsAnythingGivesNull() {
        assertThat(json("{}")).isEqualTo("null");
        assertThat(json("true")).isEqualTo("null");
        assertThat(json("{\"type\": \"object\", \"properties\": {\"data\": {\"description\": \"any\"}}}"))
                .isEqualTo("{\"data\":null}");
    }

    @Test
    void annotationsChangeNothing() {
        String plain = json("{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}");
        assertThat(json("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/place",
                 "$comment": "a comment", "title": "Place", "description": "Where it is.",
                 "type": "object", "default": {"city": "Paris"}, "examples": [{"city": "Oslo"}],
                 "properties": {"city": {"type": "string", "title": "City", "description": "Its name.",
                                         "default": "Rome", "examples": ["Lima"], "deprecated": false,
                                         "readOnly": false, "writeOnly": false}}}""")).isEqualTo(plain);
    }

    @Test
    void theSameSchemaGivesTheSameBytes() {
        String schema = """
                {"type": "object", "properties": {"when": {"type": "string", "format": "date-time"},
                 "score": {"type": "number", "exclusiveMinimum": 2}, "tags": {"type": "array",
                 "items": {"anyOf": [{"type": "string"}, {"type": "null"}]}, "minItems": 2}}}""";
        String first = json(schema);

        assertThat(json(schema)).isEqualTo(first);
        assertThat(json(schema.replace("\n", " ").replace("  ", " "))).isEqualTo(first);
        assertThat(first).isEqualTo("{\"when\":\"2025-01-01T00:00:00Z\",\"score\":3,\"tags\":[\"tags\",\"tags\"]}");
    }
}
