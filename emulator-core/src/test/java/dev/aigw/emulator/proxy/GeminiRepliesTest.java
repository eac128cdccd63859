package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reply rules answered by Gemini (AI Studio natively, and through the OpenAI-compatible endpoint). */
@Timeout(30)
class GeminiRepliesTest {

    private static final String TOOLS = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
            + "\"required\":[\"city\"],\"additionalProperties\":false}}}]";
    private static final String ASK = "{\"role\":\"user\",\"content\":\"Weather in Paris?\"}";

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder()
            .replyRules(
                    ReplyRule.builder("answer").toolResultFor("get_weather")
                            .reply(ModelReply.text("It is 18 degrees in Paris.")).build(),
                    ReplyRule.builder("call").offersTool("get_weather")
                            .reply(ModelReply.toolCall("get_weather", "{\"city\":\"Paris\"}")).build())
            .build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @BeforeEach
    void gateway() {
        emulator.createGateway("gw");
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> compat(String body) {
        return client.post(client.path("gw", "compat/chat/completions"), body, "authorization", "Bearer provider-key");
    }

    @Test
    void anOpenAiClientRunsATwoTurnToolLoopAgainstGeminiThroughCompat() {
        JsonNode first = ProxyClient.json(compat("{\"model\":\"google-ai-studio/gemini-2.5-flash\",\"messages\":["
                + ASK + "]," + TOOLS + "}"));

        JsonNode choice = first.at("/choices/0");
        assertThat(choice.get("finish_reason").asText()).isEqualTo("tool_calls");
        JsonNode call = choice.at("/message/tool_calls/0");
        assertThat(call.get("type").asText()).isEqualTo("function");
        assertThat(call.at("/function/name").asText()).isEqualTo("get_weather");
        assertThat(ProxyClient.parse(call.at("/function/arguments").asText()).get("city").asText()).isEqualTo("Paris");
        JsonNode sent = ProxyClient.parse(emulator.takeRequest().bodyText());
        assertThat(sent.at("/tools/0/functionDeclarations/0/name").asText()).isEqualTo("get_weather");
        assertThat(sent.at("/tools/0/functionDeclarations/0/parametersJsonSchema/additionalProperties").asBoolean())
                .isFalse();

        String id = call.get("id").asText();
        JsonNode second = ProxyClient.json(compat("{\"model\":\"google-ai-studio/gemini-2.5-flash\",\"messages\":["
                + ASK + ",{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + call + "]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"" + id + "\",\"content\":\"18 degrees\"}]," + TOOLS + "}"));

        assertThat(second.at("/choices/0/message/content").asText()).isEqualTo("It is 18 degrees in Paris.");
        assertThat(second.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        JsonNode resent = ProxyClient.parse(emulator.takeRequest().bodyText());
        assertThat(resent.at("/contents/1/parts/0/functionCall/name").asText()).isEqualTo("get_weather");
        assertThat(resent.at("/contents/2/parts/0/functionResponse/name").asText()).isEqualTo("get_weather");
    }

    @Test
    void aStreamedToolCallArrivesAsOneDeltaAndFinishesWithToolCalls() {
        HttpResponse<String> response = compat("{\"model\":\"google-ai-studio/gemini-2.5-flash\",\"stream\":true,"
                + "\"messages\":[" + ASK + "]," + TOOLS + "}");

        List<String> data = response.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6))
                .toList();
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(ProxyClient::parse).toList();
        List<JsonNode> calls = chunks.stream().filter(c -> c.at("/choices/0/delta").has("tool_calls")).toList();
        assertThat(calls).singleElement().satisfies(c -> {
            JsonNode delta = c.at("/choices/0/delta/tool_calls/0");
            assertThat(delta.get("index").asInt()).isZero();
            assertThat(delta.at("/function/name").asText()).isEqualTo("get_weather");
            assertThat(delta.at("/function/arguments").asText()).isEqualTo("{\"city\":\"Paris\"}");
        });
        assertThat(chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
    }

    @Test
    void structuredOutputFromARuleComesBackAsTheContentThroughCompat() {
        emulator.replies().add(ReplyRule.builder("city").lastUserMessageContains("capital")
                .reply(ModelReply.json("{\"city\":\"Paris\"}")).build());

        JsonNode body = ProxyClient.json(compat("{\"model\":\"google-ai-studio/gemini-2.5-flash\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"The capital of France?\"}],\"response_format\":{\"type\":"
                + "\"json_schema\",\"json_schema\":{\"name\":\"city\",\"strict\":true,\"schema\":{\"type\":\"object\","
                + "\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"],"
                + "\"additionalProperties\":false}}}}"));

        assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        JsonNode sent = ProxyClient.parse(emulator.takeRequest().bodyText());
        assertThat(sent.at("/generationConfig/responseJsonSchema/required/0").asText()).isEqualTo("city");
    }

    @Test
    void aNativeGeminiRequestGetsAFunctionCallAndTheConversationIsReadFromGeminisShape() {
        HttpResponse<String> response = client.post(client.path("gw",
                "google-ai-studio/v1beta/models/gemini-2.5-flash:generateContent"),
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Weather in Paris?\"}]}],\"tools\":[{"
                + "\"functionDeclarations\":[{\"name\":\"get_weather\",\"parameters\":{\"type\":\"OBJECT\","
                + "\"properties\":{\"city\":{\"type\":\"STRING\"}}}}]}]}", "x-goog-api-key", "g");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode candidate = ProxyClient.json(response).at("/candidates/0");
        assertThat(candidate.at("/content/parts/0/functionCall/name").asText()).isEqualTo("get_weather");
        assertThat(candidate.at("/content/parts/0/functionCall/args/city").asText()).isEqualTo("Paris");
        assertThat(candidate.get("finishReason").asText()).isEqualTo("STOP");
    }

    @Test
    void strictModeAnswersAnUnmatchedNativeRequestWithGooglesInvalidArgument() {
        emulator.replies().strict(true);

        HttpResponse<String> response = client.post(client.path("gw",
                "google-ai-studio/v1beta/models/gemini-2.5-flash:generateContent"),
                "{\"contents\":[{\"parts\":[{\"text\":\"Hello\"}]}]}", "x-goog-api-key", "g");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = ProxyClient.json(response).get("error");
        assertThat(error.get("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.get("message").asText()).contains("no reply rule matches").contains("'call'");
    }
}
