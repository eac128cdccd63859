package dev.aigw.emulator.internal.provider.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.Conversation.Role;
import dev.aigw.emulator.ToolCall;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenAiChatReaderTest {

    private static final String AGENT_TURN = """
            {"model": "gpt-4o",
             "messages": [
               {"role": "system", "content": "Be brief."},
               {"role": "developer", "content": [{"type": "text", "text": "Use tools."}]},
               {"role": "user", "content": [{"type": "text", "text": "Weather in"}, {"type": "text", "text": "Paris?"}]},
               {"role": "assistant", "content": null, "tool_calls": [
                 {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}]},
               {"role": "tool", "tool_call_id": "call_1", "content": "21 C and sunny"}],
             "tools": [{"type": "function", "function": {"name": "get_weather", "description": "Weather now",
                        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}, "strict": true}}],
             "response_format": {"type": "json_schema", "json_schema": {"name": "w", "schema": {"type": "object"}}}}
            """;

    @Test
    void anAgentsSecondTurnReadsAsMessagesByRoleWithTheToolResultNamed() {
        Conversation c = Conversations.read("openai", "/v1/chat/completions",
                AGENT_TURN.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(c.model()).isEqualTo("gpt-4o");
        assertThat(c.system()).isEqualTo("Be brief.\n\nUse tools.");
        assertThat(c.messages()).extracting(Conversation.Message::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL);
        assertThat(c.lastUserText()).isEqualTo("Weather in Paris?");
        assertThat(c.turn()).isEqualTo(1);
        assertThat(c.messages().get(1).toolCalls())
                .containsExactly(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(c.toolResult("get_weather")).contains(
                new Conversation.ToolResult("call_1", "get_weather", "21 C and sunny"));
        assertThat(c.tools()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("get_weather");
            assertThat(t.description()).isEqualTo("Weather now");
            assertThat(t.parameters()).isEqualTo("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
            assertThat(t.strict()).isTrue();
        });
        assertThat(c.outputSchema()).isEqualTo("{\"type\":\"object\"}");
    }

    @Test
    void jsonModeAsksForAnObjectAndOtherPathsOrBodiesHaveNoConversation() {
        Conversation c = Conversations.read("groq", "/openai/v1/chat/completions/", """
                {"model": "llama", "messages": [{"role": "user", "content": "hi"}],
                 "response_format": {"type": "json_object"}}""".getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(c.outputSchema()).isEqualTo("{\"type\":\"object\"}");
        assertThat(c.system()).isNull();
        assertThat(Conversations.read("openai", "/v1/embeddings", "{\"input\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(Conversations.read("openai", "/v1/chat/completions", "not json".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(Conversations.read("openai", "/v1/chat/completions", "[1]".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void malformedToolArgumentsReadAsAnEmptyObject() {
        Conversation c = Conversations.read("openai", "/v1/chat/completions", """
                {"model": "m", "messages": [{"role": "assistant", "tool_calls": [
                  {"id": "c", "type": "function", "function": {"name": "f", "arguments": "{not json"}}]}]}"""
                .getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(c.messages().get(0).toolCalls()).containsExactly(new ToolCall("c", "f", "{}"));
    }
}
