package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tool calls and structured output keep their meaning through {@code /compat/chat/completions} to an Anthropic
 * model: the OpenAI request becomes Anthropic tools, tool_use and tool_result blocks and {@code output_config}, and
 * the Anthropic answer comes back as OpenAI tool calls, whole or streamed.
 */
@Timeout(30)
class AnthropicCompatRepliesTest {

    private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"description\":\"Current weather\",\"strict\":true,\"parameters\":{\"type\":\"object\","
            + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"],"
            + "\"additionalProperties\":false}}}],\"tool_choice\":\"auto\"";
    private static final String ASK = "{\"role\":\"user\",\"content\":\"What is the weather in Paris?\"}";

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @BeforeEach
    void rules() {
        emulator.createGateway("gw");
        emulator.replies().add(ReplyRule.builder("weather").provider("anthropic").turn(0)
                .reply(ModelReply.toolCall("get_weather", "{\"city\":\"Paris\"}")).build());
        emulator.replies().add(ReplyRule.builder("answer").toolResultFor("get_weather")
                .reply(ModelReply.text("It is 21 degrees and sunny in Paris.")).build());
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> compat(String body) {
        return client.post(client.path("gw", "compat/chat/completions"), body, "authorization", "Bearer provider-key");
    }

    @Test
    void aToolCallComesBackAsOpenAiToolCallsAndTheToolsGoUpstreamAsAnthropicTools() {
        HttpResponse<String> response = compat("{\"model\":\"anthropic/claude-sonnet-4-5\"," + TOOLS
                + ",\"messages\":[" + ASK + "]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode choice = ProxyClient.json(response).at("/choices/0");
        assertThat(choice.get("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(choice.at("/message/content").isNull()).isTrue();
        JsonNode call = choice.at("/message/tool_calls/0");
        assertThat(call.get("id").asText()).startsWith("toolu_01");
        assertThat(call.get("type").asText()).isEqualTo("function");
        assertThat(call.at("/function/name").asText()).isEqualTo("get_weather");
        assertThat(ProxyClient.parse(call.at("/function/arguments").asText()))
                .isEqualTo(ProxyClient.parse("{\"city\":\"Paris\"}"));
        JsonNode sent = ProxyClient.parse(emulator.takeRequest().bodyText());
        assertThat(sent.at("/tools/0/name").asText()).isEqualTo("get_weather");
        assertThat(sent.at("/tools/0/strict").asBoolean()).isTrue();
        assertThat(sent.at("/tools/0/input_schema/required/0").asText()).isEqualTo("city");
        assertThat(sent.at("/tool_choice/type").asText()).isEqualTo("auto");
    }

    @Test
    void theToolResultGoesUpstreamAsAToolResultBlockAndTheFinalAnswerComesBack() {
        HttpResponse<String> response = compat("{\"model\":\"anthropic/claude-sonnet-4-5\"," + TOOLS
                + ",\"messages\":[" + ASK + ",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":"
                + "\"toolu_01abc\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":"
                + "\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"toolu_01abc\","
                + "\"content\":\"21 degrees, sunny\"}]}");

        JsonNode choice = ProxyClient.json(response).at("/choices/0");
        assertThat(choice.at("/message/content").asText()).isEqualTo("It is 21 degrees and sunny in Paris.");
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        JsonNode sent = ProxyClient.parse(emulator.takeRequest().bodyText());
        assertThat(sent.at("/messages/1/content/0/type").asText()).isEqualTo("tool_use");
        assertThat(sent.at("/messages/1/content/0/input/city").asText()).isEqualTo("Paris");
        assertThat(sent.at("/messages/2/content/0/type").asText()).isEqualTo("tool_result");
        assertThat(sent.at("/messages/2/content/0/tool_use_id").asText()).isEqualTo("toolu_01abc");
        assertThat(sent.at("/messages/2/content/0/content").asText()).isEqualTo("21 degrees, sunny");
    }

    @Test
    void aStreamedToolCallComesBackAsToolCallDeltasEndingWithToolCalls() {
        HttpResponse<String> response = compat("{\"model\":\"anthropic/claude-sonnet-4-5\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}," + TOOLS + ",\"messages\":[" + ASK + "]}");

        List<String> data = response.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6))
                .toList();
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(ProxyClient::parse).toList();
        List<JsonNode> calls = chunks.stream().map(c -> c.at("/choices/0/delta/tool_calls/0"))
                .filter(JsonNode::isObject).toList();
        assertThat(calls.size()).isGreaterThanOrEqualTo(3);
        assertThat(calls.get(0).get("id").asText()).startsWith("toolu_01");
        assertThat(calls.get(0).at("/function/name").asText()).isEqualTo("get_weather");
        assertThat(calls).allMatch(c -> c.get("index").asInt() == 0);
        String arguments = calls.stream().map(c -> c.at("/function/arguments").asText())
                .collect(Collectors.joining());
        assertThat(ProxyClient.parse(arguments)).isEqualTo(ProxyClient.parse("{\"city\":\"Paris\"}"));
        assertThat(chunks.stream().map(c -> c.at("/choices/0/finish_reason").asText(""))
                .filter(f -> !f.isEmpty()).toList()).containsExactly("tool_calls");
        assertThat(chunks.get(chunks.size() - 1).at("/usage/completion_tokens").asInt()).isPositive();
    }

    @Test
    void aResponseFormatGoesUpstreamAsOutputConfigAndTheJsonComesBackAsContent() {
        emulator.replies().clear();
        emulator.replies().add(ReplyRule.builder("structured").provider("anthropic")
                .reply(ModelReply.json("{\"city\":\"Paris\",\"celsius\":21}")).build());

        HttpResponse<String> response = compat("{\"model\":\"anthropic/claude-sonnet-4-5\",\"messages\":[" + ASK
                + "],\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"weather\","
                + "\"strict\":true,\"schema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
                + "\"celsius\":{\"type\":\"integer\"}},\"required\":[\"city\",\"celsius\"],"
                + "\"additionalProperties\":false}}}}");

        JsonNode choice = ProxyClient.json(response).at("/choices/0");
        assertThat(ProxyClient.parse(choice.at("/message/content").asText()))
                .isEqualTo(ProxyClient.parse("{\"city\":\"Paris\",\"celsius\":21}"));
        assertThat(choice.get("finish_reason").asText()).isEqualTo("stop");
        JsonNode sent = ProxyClient.parse(emulator.takeRequest().bodyText());
        assertThat(sent.at("/output_config/format/type").asText()).isEqualTo("json_schema");
        assertThat(sent.at("/output_config/format/schema/required/1").asText()).isEqualTo("celsius");
        assertThat(emulator.replyProblems()).isEmpty();
    }

    @Test
    void thinkingStaysOutOfTheOpenAiAnswerWholeOrStreamed() {
        emulator.replies().clear();
        emulator.replies().add(ReplyRule.builder("think").provider("anthropic")
                .reply(ModelReply.builder().reasoning("Paris is in France.").text("Sunny.").build()).build());
        String body = "{\"model\":\"anthropic/claude-sonnet-4-5\",\"messages\":[" + ASK + "]}";

        JsonNode whole = ProxyClient.json(compat(body)).at("/choices/0/message");
        String streamed = compat(body.replace("{\"model\"", "{\"stream\":true,\"model\"")).body().lines()
                .filter(l -> l.startsWith("data: {")).map(l -> ProxyClient.parse(l.substring(6)))
                .map(c -> c.at("/choices/0/delta/content").asText("")).collect(Collectors.joining());

        assertThat(whole.get("content").asText()).isEqualTo("Sunny.");
        assertThat(streamed).isEqualTo("Sunny.");
    }
}
