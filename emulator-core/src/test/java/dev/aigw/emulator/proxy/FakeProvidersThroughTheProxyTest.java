package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.RecordedRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** OpenAI, Anthropic and Workers AI through the gateway, streaming and not, with what reached the upstream. */
@Timeout(30)
class FakeProvidersThroughTheProxyTest {

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @BeforeEach
    void gateway() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> post(String rest, String body, String... headers) {
        String[] all = Arrays.copyOf(headers, headers.length + 4);
        all[headers.length] = "cf-aig-authorization";
        all[headers.length + 1] = "Bearer " + emulator.apiToken();
        all[headers.length + 2] = "cf-aig-metadata";
        all[headers.length + 3] = "{\"team\":\"search\"}";
        return client.post(client.path("gw", rest), body, all);
    }

    private static List<String> dataLines(HttpResponse<String> response) {
        return response.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
    }

    private void assertUpstreamSaw(String url, String credentialHeader, String credential) {
        RecordedRequest recorded = emulator.takeRequest();
        assertThat(recorded.url()).isEqualTo(url);
        assertThat(recorded.header(credentialHeader)).contains(credential);
        assertThat(recorded.headers().keySet()).noneMatch(h -> h.startsWith("cf-aig-"));
    }

    @Test
    void openAiChatCompletionComesBackInOpenAisShape() {
        HttpResponse<String> response = post("openai/chat/completions", ProxyClient.CHAT,
                "authorization", "Bearer sk-openai");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().firstValue("cf-aig-log-id")).isPresent();
        JsonNode body = ProxyClient.json(response);
        assertThat(body.get("object").textValue()).isEqualTo("chat.completion");
        assertThat(body.get("choices").get(0).get("message").get("content").textValue())
                .isEqualTo("Emulated reply from gpt-4o-mini to: Hello there");
        assertThat(body.get("usage").get("total_tokens").intValue()).isPositive();
        assertUpstreamSaw("https://api.openai.com/v1/chat/completions", "authorization", "Bearer sk-openai");
    }

    @Test
    void openAiPathsWithTheirOwnV1SegmentAreNotDoubled() {
        assertThat(post("openai/v1/chat/completions", ProxyClient.CHAT).statusCode()).isEqualTo(200);

        assertThat(emulator.takeRequest().url()).isEqualTo("https://api.openai.com/v1/chat/completions");
    }

    @Test
    void openAiStreamsChunksThatEndWithDone() {
        HttpResponse<String> response = post("openai/chat/completions",
                "{\"model\":\"gpt-4o\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"a b c\"}]}");

        assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
        List<String> data = dataLines(response);
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        assertThat(data).hasSizeGreaterThan(3);
        StringBuilder text = new StringBuilder();
        for (String chunk : data.subList(0, data.size() - 1)) {
            JsonNode node = ProxyClient.parse(chunk);
            assertThat(node.get("object").textValue()).isEqualTo("chat.completion.chunk");
            JsonNode content = node.get("choices").get(0).get("delta").get("content");
            if (content != null && content.isTextual()) {
                text.append(content.textValue());
            }
        }
        assertThat(text.toString()).isEqualTo("Emulated reply from gpt-4o to: a b c");
    }

    @Test
    void anthropicMessagesKeepTheirShapeAndCredentialHeader() {
        String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

        HttpResponse<String> response = post("anthropic/v1/messages", body, "x-api-key", "sk-ant-key",
                "anthropic-version", "2023-06-01");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode message = ProxyClient.json(response);
        assertThat(message.get("type").textValue()).isEqualTo("message");
        assertThat(message.get("content").get(0).get("text").textValue()).isEqualTo("Emulated reply from claude-sonnet-4-5 to: Hi");
        assertThat(message.get("usage").get("input_tokens").intValue()).isPositive();
        RecordedRequest recorded = emulator.takeRequest();
        assertThat(recorded.url()).isEqualTo("https://api.anthropic.com/v1/messages");
        assertThat(recorded.header("x-api-key")).contains("sk-ant-key");
        assertThat(recorded.header("anthropic-version")).contains("2023-06-01");
        assertThat(recorded.headers().keySet()).noneMatch(h -> h.startsWith("cf-aig-"));
    }

    @Test
    void anthropicStreamsItsTypedEvents() {
        String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

        HttpResponse<String> response = post("anthropic/v1/messages", body, "x-api-key", "sk-ant-key");

        List<String> events = response.body().lines().filter(l -> l.startsWith("event: ")).map(l -> l.substring(7)).toList();
        assertThat(events.get(0)).isEqualTo("message_start");
        assertThat(events).contains("content_block_start", "content_block_delta", "content_block_stop", "message_delta");
        assertThat(events.get(events.size() - 1)).isEqualTo("message_stop");
    }

    @Test
    void workersAiRunsAModelAndAnswersInTheV4Envelope() {
        HttpResponse<String> response = post("workers-ai/@cf/meta/llama-3.1-8b-instruct",
                "{\"prompt\":\"Tell me a joke\"}", "authorization", "Bearer cf-workers-token");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = ProxyClient.json(response);
        assertThat(body.get("success").booleanValue()).isTrue();
        assertThat(body.get("result").get("response").textValue()).startsWith("Emulated reply from @cf/meta/llama-3.1-8b-instruct");
        assertUpstreamSaw("https://api.cloudflare.com/client/v4/accounts/" + emulator.accountId()
                + "/ai/run/@cf/meta/llama-3.1-8b-instruct", "authorization", "Bearer cf-workers-token");
    }

    @Test
    void workersAiStreamsDataChunksThatEndWithDone() {
        HttpResponse<String> response = post("workers-ai/@cf/meta/llama-3.1-8b-instruct",
                "{\"prompt\":\"Tell me a joke\",\"stream\":true}");

        assertThat(response.headers().firstValue("content-type")).contains("text/event-stream");
        List<String> data = dataLines(response);
        assertThat(data.get(0)).contains("\"response\"");
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
    }

    @Test
    void everyCatalogueProviderAnswersWithAFakeOrAClearNoFakeYetError() {
        HttpResponse<String> response = post("aws-bedrock/bedrock-runtime/us-east-1/model/amazon.nova-lite-v1:0/invoke", "{}");

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(response.body()).contains("upstream(\\\"aws-bedrock\\\"");
        assertThat(emulator.takeRequest().url())
                .isEqualTo("https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-lite-v1:0/invoke");
    }
}
