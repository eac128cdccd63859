package dev.aigw.emulator.internal.provider.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.json.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiResponsesReaderTest {

    @Test
    void anAgentTurnReadsAsSystemMessagesToolCallsAndNamedResults() throws Exception {
        Conversation c = OpenAiResponsesReader.read(fixture(), "o4-mini");

        assertThat(c.model()).isEqualTo("o4-mini");
        assertThat(c.system()).isEqualTo("You are a weather assistant.\n\nAnswer in one sentence.");
        assertThat(c.messages()).extracting(Conversation.Message::role).containsExactly(Conversation.Role.USER,
                Conversation.Role.ASSISTANT, Conversation.Role.TOOL, Conversation.Role.TOOL);
        assertThat(c.lastUserText()).isEqualTo("What is the weather in Paris?");
        Conversation.Message assistant = c.messages().get(1);
        assertThat(assistant.text()).isEqualTo("Let me check.");
        assertThat(assistant.toolCalls()).containsExactly(
                new ToolCall("call_123", "get_weather", "{\"location\":\"Paris, France\"}"),
                new ToolCall("call_456", "get_time", "{\"zone\":\"Europe/Paris\"}"));
        assertThat(c.turn()).isEqualTo(1);
        assertThat(c.toolResult("get_weather")).contains(
                new Conversation.ToolResult("call_123", "get_weather", "{\"celsius\":21}"));
        assertThat(c.toolResult("get_time")).contains(new Conversation.ToolResult("call_456", "get_time", "14:00"));
    }

    @Test
    void functionToolsAndTheTextFormatsSchemaAreRead() throws Exception {
        Conversation c = OpenAiResponsesReader.read(fixture(), "o4-mini");

        assertThat(c.tools()).extracting(Conversation.Tool::name).containsExactly("get_weather", "get_time");
        assertThat(c.tool("get_weather").orElseThrow().strict()).isTrue();
        assertThat(c.tool("get_time").orElseThrow().strict()).isFalse();
        assertThat(c.tool("get_weather").orElseThrow().parameters()).contains("\"location\"");
        assertThat(Json.parse(c.outputSchema()).at("/required/0").asText()).isEqualTo("celsius");
    }

    @Test
    void aStringInputIsOneUserMessageAndJsonModeAsksForAnObject() throws Exception {
        Conversation c = OpenAiResponsesReader.read(Json.parse("{\"input\":\"Hi\",\"text\":{\"format\":{\"type\":"
                + "\"json_object\"}},\"tools\":[{\"type\":\"function\",\"name\":\"f\"}]}"), "gpt-4.1");

        assertThat(c.system()).isNull();
        assertThat(c.messages()).containsExactly(new Conversation.Message(Conversation.Role.USER, "Hi", List.of(),
                null));
        assertThat(c.outputSchema()).isEqualTo("{\"type\":\"object\"}");
        assertThat(c.tool("f").orElseThrow().strict()).as("Responses tools are strict by default").isTrue();
        assertThat(c.turn()).isZero();
    }

    @Test
    void oddInputIsReadWithoutThrowing() throws Exception {
        Conversation c = OpenAiResponsesReader.read(Json.parse("{\"input\":[1,null,{\"type\":\"function_call\"},"
                + "{\"type\":\"function_call_output\"},{\"type\":\"function_call\",\"name\":\"f\",\"arguments\":7}],"
                + "\"tools\":{},\"text\":7}"), null);

        assertThat(c.messages()).extracting(Conversation.Message::role)
                .containsExactly(Conversation.Role.USER, Conversation.Role.USER, Conversation.Role.TOOL,
                        Conversation.Role.ASSISTANT);
        assertThat(c.messages().get(3).toolCalls()).containsExactly(new ToolCall(null, "f", "{}"));
        assertThat(c.outputSchema()).isNull();
    }

    @Test
    void conversationsReadsARequestToTheResponsesPath() {
        assertThat(Conversations.read("openai", "/v1/responses",
                "{\"model\":\"gpt-4.1\",\"input\":\"Hi\"}".getBytes(StandardCharsets.UTF_8)))
                .map(Conversation::lastUserText).contains("Hi");
    }

    private static JsonNode fixture() throws Exception {
        try (InputStream in = OpenAiResponsesReaderTest.class
                .getResourceAsStream("/fixtures/openai/request-responses-agent-turn.json")) {
            return Json.parse(in.readAllBytes());
        }
    }
}
