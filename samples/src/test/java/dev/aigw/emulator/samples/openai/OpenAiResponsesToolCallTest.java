package dev.aigw.emulator.samples.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.ChatModel;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseOutputText;
import com.openai.models.responses.ResponseStatus;
import com.openai.models.responses.ResponseStreamEvent;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.junit5.AiGatewayTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A tool-call round trip with the OpenAI SDK's Responses client: function_call out, function_call_output back. */
@Timeout(30)
@AiGatewayTest(gateways = "my-gateway")
class OpenAiResponsesToolCallTest {

    private static final String QUESTION = "What is the weather in Paris?";
    private static final FunctionTool GET_WEATHER = FunctionTool.builder()
            .name("get_weather")
            .description("Returns the current weather in a city.")
            .parameters(FunctionTool.Parameters.builder()
                    .putAdditionalProperty("type", JsonValue.from("object"))
                    .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                    .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                    .putAdditionalProperty("additionalProperties", JsonValue.from(false))
                    .build())
            .strict(true)
            .build();

    private OpenAIClient client;

    @BeforeEach
    void replyRulesAndClient(AiGatewayEmulator emulator) {
        emulator.replies()
                .add(ReplyRule.builder("ask for the weather")
                        .turn(0)
                        .reply(ModelReply.builder()
                                .reasoning("The user wants the weather; get_weather gives it.")
                                .toolCall("get_weather", "{\"city\":\"Paris\"}")
                                .build())
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
        Response first = client.responses().create(ResponseCreateParams.builder()
                .model(ChatModel.GPT_4_1)
                .input(QUESTION)
                .addTool(GET_WEATHER)
                .build());

        assertThat(first.status()).hasValue(ResponseStatus.COMPLETED);
        assertThat(first.output().get(0).reasoning().orElseThrow().summary().get(0).text())
                .isEqualTo("The user wants the weather; get_weather gives it.");
        ResponseFunctionToolCall call = functionCall(first);
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(call.callId()).startsWith("call_");

        Response second = client.responses().create(secondTurn(call));

        assertThat(outputText(second)).isEqualTo("It is sunny and 21 °C in Paris.");
        assertThat(emulator.replyProblems()).isEmpty();
    }

    @Test
    void theSameRoundTripStreamed(AiGatewayEmulator emulator) {
        Response first = streamed(ResponseCreateParams.builder()
                .model(ChatModel.GPT_4_1)
                .input(QUESTION)
                .addTool(GET_WEATHER)
                .build());

        ResponseFunctionToolCall call = functionCall(first);
        assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");

        Response second = streamed(secondTurn(call));

        assertThat(outputText(second)).isEqualTo("It is sunny and 21 °C in Paris.");
        assertThat(emulator.replyProblems()).isEmpty();
    }

    private Response streamed(ResponseCreateParams params) {
        ResponseAccumulator accumulator = ResponseAccumulator.create();
        try (StreamResponse<ResponseStreamEvent> stream = client.responses().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        return accumulator.response();
    }

    private static ResponseCreateParams secondTurn(ResponseFunctionToolCall call) {
        return ResponseCreateParams.builder()
                .model(ChatModel.GPT_4_1)
                .inputOfResponse(List.of(
                        ResponseInputItem.ofEasyInputMessage(EasyInputMessage.builder()
                                .role(EasyInputMessage.Role.USER)
                                .content(QUESTION)
                                .build()),
                        ResponseInputItem.ofFunctionCall(call),
                        ResponseInputItem.ofFunctionCallOutput(ResponseInputItem.FunctionCallOutput.builder()
                                .callId(call.callId())
                                .output("{\"city\":\"Paris\",\"sky\":\"sunny\",\"celsius\":21}")
                                .build())))
                .addTool(GET_WEATHER)
                .build();
    }

    private static ResponseFunctionToolCall functionCall(Response response) {
        return response.output().stream().flatMap(item -> item.functionCall().stream()).findFirst().orElseThrow();
    }

    private static String outputText(Response response) {
        return response.output().stream()
                .flatMap(item -> item.message().stream())
                .flatMap(message -> message.content().stream())
                .flatMap(content -> content.outputText().stream())
                .map(ResponseOutputText::text)
                .collect(Collectors.joining());
    }
}
