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

class WorkersAiReaderTest {

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void workersAiToolShapesReadAsCallsResultsAndTools() {
        Conversation c = WorkersAiReader.read(ProviderShapes.load("workers-ai/request-tools.json"), "@cf/m");

        assertThat(c.system()).isEqualTo("You answer weather questions.");
        assertThat(c.messages()).extracting(Conversation.Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL);
        assertThat(c.messages().get(1).toolCalls()).containsExactly(new ToolCall("getWeather", "getWeather",
                "{\"latitude\":\"51.5074\",\"longitude\":\"-0.1278\"}"));
        assertThat(c.toolResult("getWeather")).map(Conversation.ToolResult::content).contains("{\"celsius\": 14}");
        Conversation.Tool tool = c.tool("getWeather").orElseThrow();
        assertThat(tool.description()).isEqualTo("Return the weather for a latitude and longitude");
        assertThat(json(tool.parameters()).at("/required/1").asText()).isEqualTo("longitude");
    }

    @Test
    void openAiShapesReadTooAndToolResultsAreNamedByTheirCall() {
        Conversation c = WorkersAiReader.read(json("{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},"
                + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{"
                + "\"name\":\"f\",\"arguments\":\"{\\\"a\\\":1}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c1\","
                + "\"content\":\"r\"}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"strict\":true,"
                + "\"parameters\":{\"type\":\"object\"}}}]}"), "m");

        assertThat(c.messages().get(1).toolCalls()).containsExactly(new ToolCall("c1", "f", "{\"a\":1}"));
        assertThat(c.toolResults()).containsExactly(new Conversation.ToolResult("c1", "f", "r"));
        assertThat(c.tool("f").orElseThrow().strict()).isTrue();
    }

    @Test
    void aPromptIsOneUserMessageAndJsonSchemaIsTheSchemaItselfOrOpenAisWrapper() {
        Conversation prompt = WorkersAiReader.read(json("{\"prompt\":\"Tell me about India.\",\"response_format\":{"
                + "\"type\":\"json_schema\",\"json_schema\":{\"type\":\"object\",\"properties\":{\"name\":{"
                + "\"type\":\"string\"}}}}}"), "m");
        assertThat(prompt.lastUserText()).isEqualTo("Tell me about India.");
        assertThat(json(prompt.outputSchema()).at("/properties/name/type").asText()).isEqualTo("string");

        Conversation wrapped = WorkersAiReader.read(json("{\"messages\":[],\"response_format\":{\"type\":"
                + "\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":{\"type\":\"array\"}}}}"), "m");
        assertThat(wrapped.outputSchema()).isEqualTo("{\"type\":\"array\"}");
        assertThat(WorkersAiReader.read(json("{\"messages\":[],\"response_format\":{\"type\":\"json_object\"}}"), "m")
                .outputSchema()).isEqualTo("{\"type\":\"object\"}");
    }

    @Test
    void conversationsReadsRunPathsWithTheModelFromThePathAndSkipsEmbeddings() {
        String run = "/client/v4/accounts/a/ai/run/@cf/meta/llama-3.1-8b-instruct";

        assertThat(Conversations.read("workers-ai", run, "{\"prompt\":\"Hi\"}".getBytes(StandardCharsets.UTF_8)))
                .map(Conversation::model).contains("@cf/meta/llama-3.1-8b-instruct");
        assertThat(Conversations.read("workers-ai", "/client/v4/accounts/a/ai/run/@cf/baai/bge-base-en-v1.5",
                "{\"text\":\"Hi\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
