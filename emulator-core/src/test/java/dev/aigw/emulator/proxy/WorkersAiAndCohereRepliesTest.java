package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.TokenUsage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reply rules answered natively by Workers AI and Cohere through the gateway, their usage in the logs. */
@Timeout(30)
class WorkersAiAndCohereRepliesTest {

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder()
            .replyRules(
                    ReplyRule.builder("answer").toolResultFor("get_weather")
                            .reply(ModelReply.builder().text("It is 14 degrees in London.")
                                    .usage(TokenUsage.of(40, 9)).build()).build(),
                    ReplyRule.builder("call").offersTool("get_weather")
                            .reply(ModelReply.toolCall("get_weather", "{\"city\":\"London\"}")).build())
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

    @Test
    void workersAiCallsTheToolInItsShapeThenAnswersWithTheResult() {
        String run = client.path("gw", "workers-ai/@cf/meta/llama-3.3-70b-instruct-fp8-fast");
        String tools = "\"tools\":[{\"name\":\"get_weather\",\"description\":\"Weather\",\"parameters\":{\"type\":"
                + "\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]";

        JsonNode first = ProxyClient.json(client.post(run, "{\"messages\":[{\"role\":\"user\",\"content\":"
                + "\"Weather in London?\"}]," + tools + "}", "authorization", "Bearer cf-token"));

        assertThat(first.at("/result/tool_calls/0/name").asText()).isEqualTo("get_weather");
        assertThat(first.at("/result/tool_calls/0/arguments/city").asText()).isEqualTo("London");

        HttpResponse<String> second = client.post(run, "{\"messages\":[{\"role\":\"user\",\"content\":\"Weather in "
                + "London?\"},{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"name\":\"get_weather\","
                + "\"arguments\":{\"city\":\"London\"}}]},{\"role\":\"tool\",\"name\":\"get_weather\",\"content\":"
                + "\"14C\"}]," + tools + "}", "authorization", "Bearer cf-token");

        assertThat(ProxyClient.json(second).at("/result/response").asText()).isEqualTo("It is 14 degrees in London.");
        assertThat(emulator.logs("gw")).extracting(LogEntry::tokensIn, LogEntry::tokensOut)
                .contains(tuple(40, 9));
    }

    @Test
    void cohereCallsTheToolWithItsIdsThenAnswersWithTheResult() {
        String chat = client.path("gw", "cohere/v2/chat");
        String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":{"
                + "\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]";

        JsonNode first = ProxyClient.json(client.post(chat, "{\"model\":\"command-a-03-2025\",\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"Weather in London?\"}]," + tools + "}", "authorization", "Bearer co-key"));

        assertThat(first.get("finish_reason").asText()).isEqualTo("TOOL_CALL");
        JsonNode call = first.at("/message/tool_calls/0");
        assertThat(call.at("/function/name").asText()).isEqualTo("get_weather");

        JsonNode second = ProxyClient.json(client.post(chat, "{\"model\":\"command-a-03-2025\",\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"Weather in London?\"},{\"role\":\"assistant\",\"tool_calls\":[" + call + "]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"" + call.get("id").asText() + "\",\"content\":[{\"type\":"
                + "\"document\",\"document\":{\"data\":\"14C\"}}]}]," + tools + "}", "authorization", "Bearer co-key"));

        assertThat(second.at("/message/content/0/text").asText()).isEqualTo("It is 14 degrees in London.");
        assertThat(second.get("finish_reason").asText()).isEqualTo("COMPLETE");
        assertThat(emulator.logs("gw")).extracting(LogEntry::tokensIn, LogEntry::tokensOut)
                .contains(tuple(40, 9));
    }
}
