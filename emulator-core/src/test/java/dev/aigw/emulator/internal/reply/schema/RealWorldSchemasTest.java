package dev.aigw.emulator.internal.reply.schema;

import static dev.aigw.emulator.internal.reply.schema.Generated.fixture;
import static dev.aigw.emulator.internal.reply.schema.Generated.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Schemas as client libraries write them (src/test/resources/json-schemas, README there says how each was made)
 * get the JSON the rules predict, and that JSON validates.
 */
class RealWorldSchemasTest {

    @Test
    void openAiJavasSchemaOfJavaRecordsGetsEveryPropertyInOrder() {
        assertThat(json(fixture("openai-java-book-list.json"))).isEqualTo("{\"books\":[{"
                + "\"authors\":[{\"birthYear\":1,\"name\":\"name\"}],"
                + "\"genre\":\"FICTION\",\"inPrint\":true,\"isbn\":\"isbn\",\"publicationYear\":1,\"rating\":1.5,"
                + "\"title\":\"title\"}],"
                + "\"editor\":{\"birthYear\":1,\"name\":\"name\"}}");
    }

    @Test
    void openAiJavasSchemaOfARecordHoldingAListOfItselfEndsInAnEmptyList() {
        assertThat(json(fixture("openai-java-category.json"))).isEqualTo("{\"name\":\"name\",\"subcategories\":[]}");
    }

    @Test
    void pydanticsSchemaWithDefsTitlesDescriptionsAndARecursiveOptionalGetsItsPredictedValue() {
        assertThat(json(fixture("pydantic-person.json"))).isEqualTo("{"
                + "\"name\":\"name\",\"age\":1,\"email\":\"user@example.com\","
                + "\"addresses\":[{\"street\":\"street\",\"city\":\"city\",\"zip_code\":\"zip_code\"}],"
                + "\"role\":\"admin\",\"kind\":\"person\",\"status\":\"active\",\"created\":\"2025-01-01T00:00:00Z\","
                + "\"score\":1.5,\"manager\":null}");
    }
}
