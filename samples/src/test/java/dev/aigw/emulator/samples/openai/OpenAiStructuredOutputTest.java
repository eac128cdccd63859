package dev.aigw.emulator.samples.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.StructuredChatCompletion;
import com.openai.models.chat.completions.StructuredChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.junit5.AiGatewayTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Structured output with the OpenAI SDK: the test declares a record, the SDK derives its JSON schema and parses the
 * answer into it; the answer is a reply rule's JSON, or without a rule JSON the emulator generates to validate
 * against the schema.
 */
@Timeout(30)
@AiGatewayTest(gateways = "my-gateway")
class OpenAiStructuredOutputTest {

    /** What the application asks the model for. */
    record Forecast(String city, long celsius, List<String> warnings) {
    }

    private OpenAIClient client;

    @BeforeEach
    void client(AiGatewayEmulator emulator) {
        client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "openai"))
                .apiKey("sk-test")
                .build();
    }

    @Test
    void aRulesJsonIsParsedIntoTheRecord(AiGatewayEmulator emulator) {
        emulator.replies().add(ReplyRule.builder("forecast")
                .lastUserMessageContains("Paris")
                .reply(ModelReply.json("{\"city\":\"Paris\",\"celsius\":21,\"warnings\":[\"UV\"]}"))
                .build());

        StructuredChatCompletion<Forecast> completion = client.chat().completions().create(forecastFor("Paris"));

        Forecast forecast = completion.choices().get(0).message().content().orElseThrow();
        assertThat(forecast).isEqualTo(new Forecast("Paris", 21, List.of("UV")));
        assertThat(emulator.replyProblems()).isEmpty();
    }

    @Test
    void withoutARuleTheEmulatorAnswersJsonThatFitsTheSchema(AiGatewayEmulator emulator) {
        StructuredChatCompletion<Forecast> completion = client.chat().completions().create(forecastFor("Oslo"));

        Forecast forecast = completion.choices().get(0).message().content().orElseThrow();
        assertThat(forecast.city()).isNotNull();
        assertThat(forecast.warnings()).isNotNull();
        assertThat(emulator.replyProblems()).isEmpty();
    }

    private static StructuredChatCompletionCreateParams<Forecast> forecastFor(String city) {
        return ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("What is the forecast for " + city + "?")
                .responseFormat(Forecast.class)
                .build();
    }
}
