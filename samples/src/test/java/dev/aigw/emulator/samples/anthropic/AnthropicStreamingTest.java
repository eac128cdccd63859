package dev.aigw.emulator.samples.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.junit5.AiGatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Anthropic SDK streams a message through the gateway and accumulates its events into the whole message. */
@Timeout(30)
@AiGatewayTest
class AnthropicStreamingTest {

    @Test
    void theSdkAccumulatesTheStreamedMessage(AiGatewayEmulator emulator) {
        emulator.createGateway("my-gateway");
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "anthropic"))
                .apiKey("sk-ant-test")
                .build();
        MessageCreateParams params = MessageCreateParams.builder()
                .model(Model.CLAUDE_SONNET_4_5)
                .maxTokens(256)
                .addUserMessage("Tell me a story")
                .build();

        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();

        assertThat(message.content().get(0).asText().text())
                .isEqualTo("Emulated reply from claude-sonnet-4-5 to: Tell me a story");
        assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
    }
}
