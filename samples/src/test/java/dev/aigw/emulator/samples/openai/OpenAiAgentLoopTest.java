package dev.aigw.emulator.samples.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.ChatModel;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.Conversation;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.junit5.AiGatewayTest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A two-turn agent loop with the OpenAI SDK: reply rules make the model ask for a tool, the test runs it and sends
 * the result back, and the model answers with it; non-streamed and streamed.
 */
@Timeout(30)
@AiGatewayTest(gateways = "my-gateway")
class OpenAiAgentLoopTest {

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
                        .turn(0)
                        .offersTool("get_weather")
                        .reply(ModelReply.toolCall("get_weather", "{\"city\":\"Paris\"}"))
                        .build())
                .add(ReplyRule.builder("answer with the weather")
                        .toolResultFor("get_weather")
                        .reply(ModelReply.text("It is sunny and 21 °C in Paris."))
                        .build());
        client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "openai"))
                .apiKey("sk-test")
                .build();
    }

    @Test
    void theModelCallsTheToolThenAnswersWithItsResult(AiGatewayEmulator emulator) {
        ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
                .addUserMessage("What is the weather in Paris?")
                .addTool(GET_WEATHER);

        ChatCompletion first = client.chat().completions().create(conversation.build());

        ChatCompletion.Choice choice = first.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessage asked = choice.message();
        List<ChatCompletionMessageToolCall> calls = asked.toolCalls().orElseThrow();
        assertThat(calls).hasSize(1);
        ChatCompletionMessageFunctionToolCall call = calls.get(0).asFunction();
        assertThat(call.id()).startsWith("call_");
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(asked.content()).isEmpty();

        conversation.addMessage(asked).addMessage(ChatCompletionToolMessageParam.builder()
                .toolCallId(call.id())
                .content(runTool(call))
                .build());
        ChatCompletion second = client.chat().completions().create(conversation.build());

        assertThat(second.choices().get(0).message().content()).hasValue("It is sunny and 21 °C in Paris.");
        assertThat(second.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(emulator.replyProblems()).isEmpty();

        Conversation sent = emulator.recordedRequests().get(1).conversation().orElseThrow();
        assertThat(sent.toolResult("get_weather").orElseThrow().content()).contains("\"sky\":\"sunny\"");
    }

    @Test
    void theSameLoopStreamed(AiGatewayEmulator emulator) {
        ChatCompletionCreateParams.Builder conversation = ChatCompletionCreateParams.builder()
                .model(ChatModel.GPT_4O_MINI)
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
                .content(runTool(call))
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

    /** Stands for the application's tool: here, a fixed forecast. */
    private static String runTool(ChatCompletionMessageFunctionToolCall call) {
        return "{\"city\":\"Paris\",\"sky\":\"sunny\",\"celsius\":21}";
    }
}
