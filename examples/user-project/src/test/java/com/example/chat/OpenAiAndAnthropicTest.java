package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.junit5.AiGatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Both official SDKs, each with the Jackson it brings, talk through one emulated gateway in one test. */
@Timeout(30)
@AiGatewayTest(gateways = "my-gateway")
class OpenAiAndAnthropicTest {

    @Test
    void openAiAndAnthropicAnswerThroughTheSameGateway(AiGatewayEmulator emulator) {
        OpenAIClient openai = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "openai"))
                .apiKey("sk-test")
                .build();
        AnthropicClient anthropic = AnthropicOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "anthropic"))
                .apiKey("sk-ant-test")
                .build();

        ChatCompletion completion = openai.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Hello")
                .build());
        Message message = anthropic.messages().create(MessageCreateParams.builder()
                .model(Model.CLAUDE_SONNET_4_5)
                .maxTokens(256)
                .addUserMessage("Hello")
                .build());

        assertThat(completion.choices().get(0).message().content())
                .hasValue("Emulated reply from gpt-4o-mini to: Hello");
        assertThat(message.content().get(0).asText().text())
                .isEqualTo("Emulated reply from claude-sonnet-4-5 to: Hello");
        assertThat(emulator.recordedRequests()).extracting(RecordedRequest::url).containsExactly(
                "https://api.openai.com/v1/chat/completions", "https://api.anthropic.com/v1/messages");
    }
}
