package dev.aigw.emulator.samples.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.junit5.AiGatewayTest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A two-turn agent loop with the OpenAI SDK against Gemini through the gateway's OpenAI-compatible endpoint: the
 * gateway translates the tools, the tool call and the tool result into Gemini's {@code functionDeclarations},
 * {@code functionCall} and {@code functionResponse}, and Gemini's answers back; non-streamed and streamed.
 */
@Timeout(30)
@AiGatewayTest(gateways = "my-gateway")
class GeminiThroughCompatTest {

    private static final String MODEL = "google-ai-studio/gemini-2.5-flash";
    private static final ChatCompletionFunctionTool GET_WEATHER = ChatCompletionFunctionTool.builder()
            .function(FunctionDefinition.builder()
                    .name("get_weather")
                    .description("Returns the current weather in a city.")
                    .parameters(FunctionParameters.builder()
                            .putAdditionalProperty("type", JsonValue.from("object"))
                            .putAdditionalProperty("properties",
                                    JsonValue.from(Map.of("city", Map.of("type", "string"))))
                            .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                            .build())
                    .build())
            .build();

    private OpenAIClient client;

    @BeforeEach
    void replyRulesAndClient(AiGatewayEmulator emulator) {
        emulator.replies()
                .add(ReplyRule.builder("ask for the weather")
                        .provider("google-ai-studio")
                        .turn(0)
                        .offersTool("get_weather")
                        .reply(ModelReply.toolCall("get_weather", "{\"city\":\"Paris\"}"))
                        .build())
                .add(ReplyRule.builder("answer with the weather")
                        .toolResultFor("get_weather")
                        .reply(ModelReply.text("It is sunny and 21 °C in Paris."))
                        .build());
        client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.gatewayUrl("my-gateway") + "/compat")
                .apiKey("gemini-key")
                .build();
    }

    @Test
    void geminiCallsTheToolThenAnswersWithItsResult(AiGatewayEmulator emulator) {
        ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
                .model(MODEL)
                .addUserMessage("What is the weather in Paris?")
                .addTool(GET_WEATHER);

        ChatCompletion first = client.chat().completions().create(conversation.build());

        ChatCompletion.Choice choice = first.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessage asked = choice.message();
        ChatCompletionMessageFunctionToolCall call = asked.toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
        RecordedRequest toGemini = emulator.takeRequest();
        assertThat(toGemini.url()).endsWith("/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(toGemini.bodyText()).contains("\"functionDeclarations\"");

        conversation.addMessage(asked).addMessage(ChatCompletionToolMessageParam.builder()
                .toolCallId(call.id())
                .content("{\"city\":\"Paris\",\"sky\":\"sunny\",\"celsius\":21}")
                .build());
        ChatCompletion second = client.chat().completions().create(conversation.build());

        assertThat(second.choices().get(0).message().content()).hasValue("It is sunny and 21 °C in Paris.");
        assertThat(second.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(emulator.takeRequest().bodyText()).contains("\"functionResponse\"");
        assertThat(emulator.replyProblems()).isEmpty();
    }

    @Test
    void theSameLoopStreamed(AiGatewayEmulator emulator) {
        ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
                .model(MODEL)
                .addUserMessage("What is the weather in Paris?")
                .addTool(GET_WEATHER);

        ChatCompletion first = streamed(conversation.build());

        ChatCompletionMessage asked = first.choices().get(0).message();
        ChatCompletionMessageFunctionToolCall call = asked.toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(first.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);

        conversation.addMessage(asked).addMessage(ChatCompletionToolMessageParam.builder()
                .toolCallId(call.id())
                .content("{\"city\":\"Paris\",\"sky\":\"sunny\",\"celsius\":21}")
                .build());
        ChatCompletion second = streamed(conversation.build());

        assertThat(second.choices().get(0).message().content()).hasValue("It is sunny and 21 °C in Paris.");
        assertThat(emulator.replyProblems()).isEmpty();
    }

    private ChatCompletion streamed(ChatCompletionCreateParams params) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
            stream.stream().map(accumulator::accumulate).forEach(Function.identity()::apply);
        }
        return accumulator.chatCompletion();
    }
}
