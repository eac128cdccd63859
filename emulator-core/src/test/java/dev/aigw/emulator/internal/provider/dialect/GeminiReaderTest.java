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

class GeminiReaderTest {

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAgentTurnReadsAsSystemUserCallAndToolResultWithoutThoughts() {
        Conversation c = GeminiReader.read(ProviderShapes.load("gemini/request-agent-turn.json"), "gemini-2.5-flash");

        assertThat(c.model()).isEqualTo("gemini-2.5-flash");
        assertThat(c.system()).isEqualTo("You are a weather assistant.");
        assertThat(c.messages()).extracting(Conversation.Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL);
        assertThat(c.messages().get(0).text()).isEqualTo("What's the weather in Paris?");
        Conversation.Message call = c.messages().get(1);
        assertThat(call.text()).isEmpty();
        assertThat(call.toolCalls()).containsExactly(
                new ToolCall("get_weather", "get_weather", "{\"location\":\"Paris\"}"));
        assertThat(c.toolResult("get_weather")).contains(
                new Conversation.ToolResult("get_weather", "get_weather", "18 degrees, cloudy"));
        assertThat(c.turn()).isEqualTo(1);
        assertThat(c.lastUserText()).isEqualTo("What's the weather in Paris?");
    }

    @Test
    void openApiSubsetParametersBecomeJsonSchemaAndParametersJsonSchemaIsKept() {
        Conversation c = GeminiReader.read(ProviderShapes.load("gemini/request-agent-turn.json"), "m");

        assertThat(c.tools()).extracting(Conversation.Tool::name).containsExactly("get_weather", "get_time");
        Conversation.Tool weather = c.tool("get_weather").orElseThrow();
        assertThat(weather.description()).isEqualTo("Gets the current weather for a location.");
        assertThat(json(weather.parameters())).isEqualTo(json("{\"type\":\"object\",\"properties\":{"
                + "\"location\":{\"type\":\"string\",\"description\":\"The city name\"},"
                + "\"unit\":{\"type\":[\"string\",\"null\"],\"enum\":[\"celsius\",\"fahrenheit\"]}},"
                + "\"required\":[\"location\"]}"));
        assertThat(json(c.tool("get_time").orElseThrow().parameters())).isEqualTo(
                json("{\"type\":\"object\",\"properties\":{\"zone\":{\"type\":\"string\"}}}"));
    }

    @Test
    void responseSchemaIsNormalizedAndResponseJsonSchemaKept() {
        Conversation c = GeminiReader.read(ProviderShapes.load("gemini/request-response-schema.json"), "m");

        assertThat(json(c.outputSchema())).isEqualTo(json("{\"type\":\"array\",\"items\":{\"type\":\"object\","
                + "\"properties\":{\"recipeName\":{\"type\":\"string\"},\"ingredients\":{\"type\":\"array\","
                + "\"items\":{\"type\":\"string\"}}}}}"));
        assertThat(c.messages()).singleElement().extracting(Conversation.Message::role).isEqualTo(Role.USER);

        Conversation jsonSchema = GeminiReader.read(json("{\"contents\":[],\"generationConfig\":{"
                + "\"responseMimeType\":\"application/json\",\"responseJsonSchema\":{\"type\":\"object\","
                + "\"propertyOrdering\":[\"a\"]}}}"), "m");
        assertThat(jsonSchema.outputSchema()).isEqualTo("{\"type\":\"object\",\"propertyOrdering\":[\"a\"]}");
        Conversation jsonMode = GeminiReader.read(json("{\"contents\":[],\"generationConfig\":{"
                + "\"responseMimeType\":\"application/json\"}}"), "m");
        assertThat(jsonMode.outputSchema()).isEqualTo("{\"type\":\"object\"}");
        assertThat(GeminiReader.read(json("{\"contents\":[]}"), "m").outputSchema()).isNull();
    }

    @Test
    void aResponseOtherThanOneTextMemberIsItsJsonAndAnIdTheClientSendsWins() {
        Conversation c = GeminiReader.read(json("{\"contents\":[{\"role\":\"model\",\"parts\":[{\"functionCall\":"
                + "{\"id\":\"fc-1\",\"name\":\"lookup\",\"args\":{\"q\":1}}}]},{\"role\":\"user\",\"parts\":["
                + "{\"functionResponse\":{\"id\":\"fc-1\",\"name\":\"lookup\",\"response\":{\"hits\":3,\"top\":\"x\"}}},"
                + "{\"text\":\"and now?\"}]}]}"), "m");

        assertThat(c.messages().get(0).toolCalls()).containsExactly(new ToolCall("fc-1", "lookup", "{\"q\":1}"));
        assertThat(c.toolResults()).containsExactly(
                new Conversation.ToolResult("fc-1", "lookup", "{\"hits\":3,\"top\":\"x\"}"));
        assertThat(c.messages()).extracting(Conversation.Message::role)
                .containsExactly(Role.ASSISTANT, Role.TOOL, Role.USER);
    }

    @Test
    void oddShapesReadWithoutThrowing() {
        Conversation c = GeminiReader.read(json("{\"contents\":[{\"parts\":[{\"functionCall\":{\"args\":[]}},"
                + "{\"functionCall\":{\"name\":\"f\",\"args\":\"not json\"}},{\"inlineData\":{}}]},"
                + "7,{\"role\":\"model\",\"parts\":\"x\"}],\"tools\":[{\"functionDeclarations\":[{\"description\":\"d\"},"
                + "{\"name\":\"t\",\"parameters\":{\"type\":7,\"properties\":[]}}]}],\"systemInstruction\":\"Be\"}"),
                "m");

        assertThat(c.system()).isEqualTo("Be");
        assertThat(c.tools()).extracting(Conversation.Tool::name).containsExactly("t");
        assertThat(c.messages()).isEmpty();
    }

    @Test
    void conversationsReadsAiStudioAndVertexPathsWithTheModelFromThePath() {
        byte[] body = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(Conversations.read("google-ai-studio", "/v1beta/models/gemini-2.5-flash:generateContent", body))
                .map(Conversation::model).contains("gemini-2.5-flash");
        assertThat(Conversations.read("google-vertex-ai", "/v1/projects/p/locations/us-central1/publishers/google/"
                + "models/gemini-2.5-pro:streamGenerateContent", body)).map(Conversation::lastUserText).contains("Hi");
        assertThat(Conversations.read("google-ai-studio", "/v1beta/models/gemini-2.5-flash:countTokens", body))
                .isEmpty();
    }
}
