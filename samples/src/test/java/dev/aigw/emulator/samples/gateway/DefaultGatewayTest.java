package dev.aigw.emulator.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.BadRequestException;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.junit5.AiGatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code default} gateway needs no setup: the first request that carries a valid {@code cf-aig-authorization}
 * creates it; a request without one gets error 2001 and creates nothing.
 */
@Timeout(30)
@AiGatewayTest
class DefaultGatewayTest {

    private static final ChatCompletionCreateParams HELLO = ChatCompletionCreateParams.builder()
            .model(ChatModel.GPT_4O_MINI)
            .addUserMessage("Hello")
            .build();

    @Test
    void theFirstAuthenticatedRequestCreatesTheDefaultGateway(AiGatewayEmulator emulator) {
        OpenAIClient anonymous = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("default", "openai"))
                .apiKey("sk-test")
                .maxRetries(0)
                .build();
        OpenAIClient authenticated = anonymous.withOptions(options -> options
                .putHeader("cf-aig-authorization", "Bearer " + emulator.apiToken()));

        BadRequestException refused = catchThrowableOfType(BadRequestException.class,
                () -> anonymous.chat().completions().create(HELLO));
        assertThat(refused.body().toString()).contains("2001");
        assertThat(emulator.gateway("default")).isEmpty();

        ChatCompletion completion = authenticated.chat().completions().create(HELLO);

        assertThat(completion.choices().get(0).message().content())
                .hasValue("Emulated reply from gpt-4o-mini to: Hello");
        assertThat(emulator.gateway("default").orElseThrow().settings().authentication()).isTrue();
    }
}
