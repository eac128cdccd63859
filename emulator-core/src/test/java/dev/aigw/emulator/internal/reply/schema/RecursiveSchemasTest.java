package dev.aigw.emulator.internal.reply.schema;

import static dev.aigw.emulator.internal.reply.schema.Generated.json;
import static dev.aigw.emulator.internal.reply.schema.Generated.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A {@code $ref} back into a schema being generated ends that branch, and the nearest way out takes over: a null
 * alternative, an empty array, an optional property left out. A recursion without one is refused.
 */
class RecursiveSchemasTest {

    @Test
    void aNullAlternativeEndsALinkedList() {
        assertThat(json("""
                {"$defs": {"Node": {"type": "object",
                                    "properties": {"value": {"type": "integer"},
                                                   "next": {"anyOf": [{"$ref": "#/$defs/Node"}, {"type": "null"}]}},
                                    "required": ["value", "next"], "additionalProperties": false}},
                 "$ref": "#/$defs/Node"}""")).isEqualTo("{\"value\":1,\"next\":null}");
    }

    @Test
    void aNullTypeEndsARecursionThroughDefinitions() {
        assertThat(json("""
                {"$schema": "http://json-schema.org/draft-07/schema#",
                 "definitions": {"Employee": {"type": "object",
                     "properties": {"name": {"type": "string"},
                                    "boss": {"anyOf": [{"$ref": "#/definitions/Employee"}, {"type": ["null"]}]}},
                     "required": ["name", "boss"]}},
                 "type": "object", "properties": {"ceo": {"$ref": "#/definitions/Employee"}}, "required": ["ceo"]}
                """)).isEqualTo("{\"ceo\":{\"name\":\"name\",\"boss\":null}}");
    }

    @Test
    void anEmptyArrayEndsATree() {
        assertThat(json("""
                {"type": "object", "properties": {"name": {"type": "string"},
                                                  "children": {"type": "array", "items": {"$ref": "#"}}},
                 "required": ["name", "children"]}""")).isEqualTo("{\"name\":\"name\",\"children\":[]}");
    }

    @Test
    void anOptionalPropertyIsLeftOut() {
        assertThat(json("""
                {"type": "object", "properties": {"name": {"type": "string"}, "parent": {"$ref": "#"}},
                 "required": ["name"]}""")).isEqualTo("{\"name\":\"name\"}");
    }

    @Test
    void aSchemaUsedTwiceSideBySideIsNotARecursion() {
        assertThat(json("""
                {"$defs": {"Money": {"type": "object", "properties": {"cents": {"type": "integer"}}}},
                 "type": "object", "properties": {"price": {"$ref": "#/$defs/Money"}, "tax": {"$ref": "#/$defs/Money"},
                 "history": {"type": "array", "items": {"$ref": "#/$defs/Money"}}}}"""))
                .isEqualTo("{\"price\":{\"cents\":1},\"tax\":{\"cents\":1},\"history\":[{\"cents\":1}]}");
    }

    @Test
    void aRecursionWithNoWayOutIsRefusedAtTheReferenceThatLoops() {
        UnsupportedSchemaException e = refusal("""
                {"type": "object", "properties": {"self": {"$ref": "#"}}, "required": ["self"]}""");

        assertThat(e.keyword()).isEqualTo("$ref");
        assertThat(e.path()).isEqualTo("/properties/self");
        assertThat(e.getMessage()).contains("no finite value", "\"$ref\" at /properties/self",
                "a null alternative in \"anyOf\" or \"type\", an array, or an optional property");
    }

    @Test
    void twoDefinitionsThatOnlyReferToEachOtherAreRefused() {
        UnsupportedSchemaException e = refusal("""
                {"$defs": {"A": {"$ref": "#/$defs/B"}, "B": {"$ref": "#/$defs/A"}}, "$ref": "#/$defs/A"}""");

        assertThat(e.keyword()).isEqualTo("$ref");
        assertThat(e.path()).isEqualTo("/$defs/B");
    }

    @Test
    void anArrayThatMustHoldARecursiveItemIsNoWayOut() {
        UnsupportedSchemaException e = refusal("""
                {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#"}, "minItems": 1}},
                 "required": ["kids"]}""");

        assertThat(e.path()).isEqualTo("/properties/kids/items");
    }
}
