package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.ToolCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A recorded request exposes what the client sent the model in the neutral form, so a test asserts "the client sent
 * the weather result back" without parsing the provider's JSON.
 */
@Timeout(30)
class RecordedConversationTest {

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();
    private final ProxyClient proxy = new ProxyClient(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void theClientSentTheWeatherResultBack() {
        emulator.createGateway("gw");
        proxy.post(proxy.path("gw", "openai/chat/completions"), """
                {"model": "gpt-4o", "messages": [
                  {"role": "system", "content": "Be brief."},
                  {"role": "user", "content": "What is the weather in Paris?"},
                  {"role": "assistant", "content": null, "tool_calls": [{"id": "call_1", "type": "function",
                    "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}]},
                  {"role": "tool", "tool_call_id": "call_1", "content": "{\\"celsius\\":21}"}],
                 "tools": [{"type": "function", "function": {"name": "get_weather",
                   "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]}""");

        Conversation sent = emulator.takeRequest().conversation().orElseThrow();

        assertThat(sent.toolResult("get_weather")).map(Conversation.ToolResult::content).contains("{\"celsius\":21}");
        assertThat(sent.messages().get(1).toolCalls())
                .containsExactly(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(sent.system()).isEqualTo("Be brief.");
        assertThat(sent.lastUserText()).isEqualTo("What is the weather in Paris?");
        assertThat(sent.turn()).isEqualTo(1);
        assertThat(sent.tools()).extracting(Conversation.Tool::name).containsExactly("get_weather");
    }

    @Test
    void aRequestThatIsNoChatHasNoConversation() {
        emulator.createGateway("gw");
        proxy.post(proxy.path("gw", "openai/embeddings"), "{\"model\":\"text-embedding-3-small\",\"input\":\"hi\"}");

        RecordedRequest embedding = emulator.takeRequest();

        assertThat(embedding.conversation()).isEmpty();
    }
}
