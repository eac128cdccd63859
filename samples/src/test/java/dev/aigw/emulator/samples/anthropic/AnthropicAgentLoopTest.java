package dev.aigw.emulator.samples.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.Model;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.ThinkingBlock;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import dev.aigw.emulator.AiGatewayEmulator;
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
 * A two-turn agent loop with the Anthropic SDK: the model asks for the weather tool, the test runs the tool and
 * sends its result back, and the model answers with it. Two reply rules stand in for the model.
 */
@Timeout(30)
@AiGatewayTest
class AnthropicAgentLoopTest {

    private static final Tool GET_WEATHER = Tool.builder()
            .name("get_weather")
            .description("Returns the current weather in a city")
            .inputSchema(Tool.InputSchema.builder()
                    .properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
                    .addRequired("city")
                    .build())
            .build();

    private AnthropicClient client;

    @BeforeEach
    void modelAndClient(AiGatewayEmulator emulator) {
        emulator.createGateway("my-gateway");
        emulator.replies().add(ReplyRule.builder("ask for the weather")
                .lastUserMessageContains("weather").turn(0)
                .reply(ModelReply.toolCall("get_weather", "{\"city\":\"Paris\"}"))
                .build());
        emulator.replies().add(ReplyRule.builder("answer with the weather")
                .toolResultFor("get_weather")
                .reply(ModelReply.text("It is 21 degrees and sunny in Paris."))
                .build());
        client = AnthropicOkHttpClient.builder()
                .baseUrl(emulator.providerUrl("my-gateway", "anthropic"))
                .apiKey("sk-ant-test")
                .build();
    }

    /** The client's tool: the weather in a city. */
    private static String getWeather(ToolUseBlock call) {
        Map<?, ?> input = call._input().convert(Map.class);
        return "21 degrees, sunny in " + input.get("city");
    }

    @Test
    void theModelCallsTheToolAndAnswersWithItsResult(AiGatewayEmulator emulator) {
        agentLoop(params -> client.messages().create(params), emulator);
    }

    @Test
    void theSameLoopStreamedAccumulatesEachTurnIntoAMessage(AiGatewayEmulator emulator) {
        agentLoop(params -> {
            MessageAccumulator accumulator = MessageAccumulator.create();
            try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
                stream.stream().forEach(accumulator::accumulate);
            }
            return accumulator.message();
        }, emulator);
    }

    @Test
    void reasoningArrivesAsAThinkingBlockWithItsSignatureStreamedOrNot(AiGatewayEmulator emulator) {
        emulator.replies().clear();
        emulator.replies().add(ReplyRule.builder("think first")
                .reply(ModelReply.builder().reasoning("The user asks about Paris.").text("Paris is sunny.").build())
                .build());
        MessageCreateParams params = MessageCreateParams.builder()
                .model(Model.CLAUDE_SONNET_4_5)
                .maxTokens(1024)
                .addUserMessage("How is Paris?")
                .build();

        Message whole = client.messages().create(params);
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }

        for (Message message : List.of(whole, accumulator.message())) {
            ThinkingBlock thinking = message.content().get(0).asThinking();
            assertThat(thinking.thinking()).isEqualTo("The user asks about Paris.");
            assertThat(thinking.signature()).isNotEmpty();
            assertThat(message.content().get(1).asText().text()).isEqualTo("Paris is sunny.");
            assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
        }
    }

    private void agentLoop(Function<MessageCreateParams, Message> model, AiGatewayEmulator emulator) {
        MessageCreateParams.Builder conversation = MessageCreateParams.builder()
                .model(Model.CLAUDE_SONNET_4_5)
                .maxTokens(1024)
                .addTool(GET_WEATHER)
                .addUserMessage("What is the weather in Paris?");

        Message first = model.apply(conversation.build());

        assertThat(first.stopReason()).hasValue(StopReason.TOOL_USE);
        ToolUseBlock call = first.content().stream().filter(ContentBlock::isToolUse).map(ContentBlock::asToolUse)
                .findFirst().orElseThrow();
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.id()).startsWith("toolu_");
        assertThat(call._input().convert(Map.class)).isEqualTo(Map.of("city", "Paris"));

        conversation.addMessage(first).addUserMessageOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
                ToolResultBlockParam.builder().toolUseId(call.id()).content(getWeather(call)).build())));
        Message last = model.apply(conversation.build());

        assertThat(last.stopReason()).hasValue(StopReason.END_TURN);
        assertThat(last.content()).hasSize(1);
        assertThat(last.content().get(0).asText().text()).isEqualTo("It is 21 degrees and sunny in Paris.");
        emulator.takeRequest();
        assertThat(emulator.takeRequest().bodyText()).as("the second turn sends the tool's result back")
                .contains("\"tool_result\"", "\"tool_use_id\":\"" + call.id() + "\"", "21 degrees, sunny in Paris");
        assertThat(emulator.replyProblems()).isEmpty();
    }
}
