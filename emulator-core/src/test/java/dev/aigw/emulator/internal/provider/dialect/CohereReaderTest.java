package dev.aigw.emulator.internal.provider.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.Conversation.Role;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.testsupport.ProviderShapes;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CohereReaderTest {

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aToolTurnReadsAsCallAndDocumentResultWithStrictToolsAndTheJsonSchema() {
        Conversation c = CohereReader.read(ProviderShapes.load("cohere/request-tools.json"), "command-a-03-2025");

        assertThat(c.system()).isEqualTo("You are a weather assistant.");
        assertThat(c.messages()).extracting(Conversation.Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL);
        assertThat(c.messages().get(1).toolCalls()).containsExactly(new ToolCall("get_weather_1byjy32y4hvq",
                "get_weather", "{\"location\":\"Toronto\"}"));
        assertThat(c.toolResult("get_weather")).contains(new Conversation.ToolResult("get_weather_1byjy32y4hvq",
                "get_weather", "{\"temperature\": {\"toronto\": \"20C\"}}"));
        assertThat(c.tools()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("get_weather");
            assertThat(t.strict()).isTrue();
        });
        assertThat(json(c.outputSchema()).at("/required/0").asText()).isEqualTo("summary");
    }

    @Test
    void jsonObjectWithoutASchemaAsksForAnObjectAndTextBlocksAreText() {
        Conversation c = CohereReader.read(json("{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"Hi\"}]},{\"role\":\"tool\",\"tool_call_id\":\"x\",\"content\":\"plain\"}],"
                + "\"response_format\":{\"type\":\"json_object\"}}"), "m");

        assertThat(c.lastUserText()).isEqualTo("Hi");
        assertThat(c.toolResults()).containsExactly(new Conversation.ToolResult("x", null, "plain"));
        assertThat(c.outputSchema()).isEqualTo("{\"type\":\"object\"}");
        assertThat(CohereReader.read(json("{\"messages\":[],\"response_format\":{\"type\":\"text\"}}"), "m")
                .outputSchema()).isNull();
    }

    @Test
    void conversationsReadsV2ChatPaths() {
        byte[] body = ("{\"model\":\"command-a-03-2025\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(Conversations.read("cohere", "/v2/chat", body))
                .map(Conversation::model).contains("command-a-03-2025");
    }
}
