package dev.aigw.emulator.internal.provider.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.Conversation.Role;
import dev.aigw.emulator.ToolCall;
import dev.aigw.emulator.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class AnthropicReaderTest {

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = AnthropicReaderTest.class.getResourceAsStream("/fixtures/anthropic/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Conversation read(String body) throws IOException {
        return AnthropicReader.read(Json.parse(body), "claude-sonnet-4-5");
    }

    @Test
    void anAgentTurnReadsAsSystemMessagesToolResultsToolsAndOutputSchema() throws IOException {
        Conversation c = Conversations.read("anthropic", "/v1/messages", fixture("request-agent-turn.json"))
                .orElseThrow();

        assertThat(c.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(c.system()).isEqualTo("You are a weather assistant.\n\nAnswer in one sentence.");
        assertThat(c.messages()).extracting(Conversation.Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.USER);
        assertThat(c.messages().get(0).text()).isEqualTo("What is the weather like in San Francisco?");
        Conversation.Message assistant = c.messages().get(1);
        assertThat(assistant.text()).isEqualTo("I'll check the current weather in San Francisco for you.");
        assertThat(assistant.toolCalls()).containsExactly(new ToolCall("toolu_01A09q90qw90lq917835lq9",
                "get_weather", "{\"location\":\"San Francisco, CA\"}"));
        assertThat(c.messages().get(2).toolResult()).isEqualTo(new Conversation.ToolResult(
                "toolu_01A09q90qw90lq917835lq9", "get_weather", "15 degrees, sunny"));
        assertThat(c.messages().get(3).text()).isEqualTo("And should I take a coat?");
        assertThat(c.lastUserText()).isEqualTo("And should I take a coat?");
        assertThat(c.turn()).isEqualTo(1);
        assertThat(c.toolResult("get_weather")).map(Conversation.ToolResult::content).contains("15 degrees, sunny");
        assertThat(c.tools()).extracting(Conversation.Tool::name).containsExactly("get_weather", "web_search");
        Conversation.Tool weather = c.tool("get_weather").orElseThrow();
        assertThat(weather.description()).isEqualTo("Get the current weather in a given location");
        assertThat(weather.strict()).isTrue();
        assertThat(Json.parse(weather.parameters()).at("/properties/location/type").asText()).isEqualTo("string");
        assertThat(c.tool("web_search").orElseThrow().parameters()).isNull();
        JsonNode schema = Json.parse(c.outputSchema());
        assertThat(schema.at("/required/0").asText()).isEqualTo("summary");
    }

    @Test
    void aStringSystemAndStringContentReadAsText() throws IOException {
        Conversation c = read("{\"system\":\"Be kind.\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hello\"},{\"role\":\"user\",\"content\":\"Bye\"}]}");

        assertThat(c.system()).isEqualTo("Be kind.");
        assertThat(c.messages()).extracting(Conversation.Message::text).containsExactly("Hi", "Hello", "Bye");
        assertThat(c.turn()).isEqualTo(1);
        assertThat(c.tools()).isEmpty();
        assertThat(c.outputSchema()).isNull();
    }

    @Test
    void aUserTurnOfToolResultsOnlyHasNoUserMessageAndUnknownCallsHaveNoName() throws IOException {
        Conversation c = read("{\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris and Rome?\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\","
                + "\"input\":{\"city\":\"Paris\"}},{\"type\":\"tool_use\",\"id\":\"toolu_2\",\"name\":\"get_weather\","
                + "\"input\":{\"city\":\"Rome\"}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"sunny\"},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_2\",\"content\":\"rain\",\"is_error\":false},"
                + "{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_9\"}]}]}");

        assertThat(c.messages()).extracting(Conversation.Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL, Role.TOOL);
        assertThat(c.messages().get(1).text()).isEmpty();
        assertThat(c.messages().get(1).toolCalls()).extracting(ToolCall::arguments)
                .containsExactly("{\"city\":\"Paris\"}", "{\"city\":\"Rome\"}");
        assertThat(c.toolResults()).extracting(Conversation.ToolResult::name)
                .containsExactly("get_weather", "get_weather", null);
        assertThat(c.toolResults()).extracting(Conversation.ToolResult::content).containsExactly("sunny", "rain", "");
        assertThat(c.lastUserText()).isEqualTo("Weather in Paris and Rome?");
    }

    @Test
    void theBetaOutputFormatIsReadToo() throws IOException {
        Conversation c = read("{\"messages\":[],\"output_format\":{\"type\":\"json_schema\",\"schema\":"
                + "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}}}");

        assertThat(Json.parse(c.outputSchema()).get("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void oddMembersAreLeftOutInsteadOfFailing() throws IOException {
        Conversation c = read("{\"system\":42,\"tools\":[{\"description\":\"nameless\"},\"x\"],\"output_config\":"
                + "{\"format\":{\"type\":\"text\"}},\"messages\":[\"x\",{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"tool_use\",\"name\":\" \"},{\"type\":\"tool_use\",\"name\":\"f\",\"input\":[1]},"
                + "{\"type\":\"redacted_thinking\",\"data\":\"abc\"}]},{\"role\":\"user\",\"content\":{\"a\":1}}]}");

        assertThat(c.system()).isEmpty();
        assertThat(c.tools()).isEmpty();
        assertThat(c.outputSchema()).isNull();
        assertThat(c.messages().get(1).toolCalls()).containsExactly(new ToolCall(null, "f", "{}"));
    }

    @Test
    void onlyTheMessagesPathIsReadAsAnthropic() throws IOException {
        byte[] body = fixture("request-agent-turn.json");

        assertThat(Conversations.read("anthropic", "/v1/messages/", body)).isPresent();
        assertThat(Conversations.read("anthropic", "/v1/messages/count_tokens", body)).isEmpty();
    }
}
