package dev.aigw.emulator.samples.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.junit5.AiGatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The official Anthropic Java SDK, pointed at the gateway, sends a message and reads the reply. */
@Timeout(30)
@AiGatewayTest
class AnthropicMessagesTest {

    @Test
    void theSdkGetsAMessageThroughTheGateway(AiGatewayEmulator emulator) {
        emulator.createGateway("my-gateway");
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "anthropic"))
                .apiKey("sk-ant-test")
                .build();

        Message message = client.messages().create(MessageCreateParams.builder()
                .model(Model.CLAUDE_SONNET_4_5)
                .maxTokens(256)
                .addUserMessage("Hello")
                .build());

        assertThat(message.content().get(0).asText().text())
                .isEqualTo("Emulated reply from claude-sonnet-4-5 to: Hello");
        RecordedRequest upstream = emulator.takeRequest();
        assertThat(upstream.url()).isEqualTo("https://api.anthropic.com/v1/messages");
        assertThat(upstream.header("Authorization")).as("anthropic-java 3 sends the key as a bearer token")
                .hasValue("Bearer sk-ant-test");
        assertThat(upstream.header("anthropic-version")).isPresent();
    }
}
