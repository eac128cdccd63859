package dev.aigw.emulator.samples.openai;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The official OpenAI Java SDK, unchanged but for its base URL, talks to OpenAI through the emulated gateway. */
@Timeout(30)
@AiGatewayTest(gateways = "my-gateway")
class OpenAiChatCompletionTest {

    @Test
    void theSdkGetsAChatCompletionThroughTheGateway(AiGatewayEmulator emulator) {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "openai"))
                .apiKey("sk-test")
                .build();

        ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Hello")
                .build());

        assertThat(completion.choices().get(0).message().content())
                .hasValue("Emulated reply from gpt-4o-mini to: Hello");
        RecordedRequest upstream = emulator.takeRequest();
        assertThat(upstream.url()).isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(upstream.header("Authorization")).hasValue("Bearer sk-test");
    }
}
