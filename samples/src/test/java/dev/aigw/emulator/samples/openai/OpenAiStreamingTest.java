package dev.aigw.emulator.samples.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.junit5.AiGatewayTest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The OpenAI SDK streams a chat completion through the gateway, chunk by chunk. */
@Timeout(30)
@AiGatewayTest
class OpenAiStreamingTest {

    @Test
    void theSdkReadsTheStreamedReplyThroughTheGateway(AiGatewayEmulator emulator) {
        emulator.createGateway("my-gateway");
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "openai"))
                .apiKey("sk-test")
                .build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("Tell me a story")
                .build();

        String text;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            text = stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .flatMap(choice -> choice.delta().content().stream())
                    .collect(Collectors.joining());
        }

        assertThat(text).isEqualTo("Emulated reply from gpt-4o-mini to: Tell me a story");
        assertThat(emulator.takeRequest().bodyText()).contains("\"stream\":true");
    }
}
