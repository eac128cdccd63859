package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.proxy.ProxyClient.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.UpstreamResponse;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The OpenAI-compatible endpoint {@code /compat/chat/completions} (proxy.md 1.5). */
@Timeout(30)
class CompatEndpointTest {

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @BeforeEach
    void gateway() {
        emulator.createGateway("gw");
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> compat(String model, boolean stream) {
        String body = "{\"model\":\"" + model + "\"," + (stream ? "\"stream\":true," : "")
                + "\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},{\"role\":\"user\",\"content\":\"Hi there\"}]}";
        return client.post(client.path("gw", "compat/chat/completions"), body, "authorization", "Bearer provider-key");
    }

    @Test
    void anAnthropicModelIsCalledNativelyAndAnsweredInOpenAisShape() {
        HttpResponse<String> response = compat("anthropic/claude-sonnet-4-5", false);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = ProxyClient.json(response);
        assertThat(body.get("object").textValue()).isEqualTo("chat.completion");
        assertThat(body.get("choices").get(0).get("message").get("content").textValue())
                .isEqualTo("Emulated reply from claude-sonnet-4-5 to: Hi there");
        assertThat(body.get("choices").get(0).get("finish_reason").textValue()).isEqualTo("stop");
        assertThat(response.headers().firstValue("cf-aig-provider")).contains("anthropic");
        assertThat(response.headers().firstValue("cf-aig-model")).contains("claude-sonnet-4-5");
        RecordedRequest upstream = emulator.takeRequest();
        assertThat(upstream.url()).isEqualTo("https://api.anthropic.com/v1/messages");
        assertThat(upstream.header("x-api-key")).contains("provider-key");
        assertThat(upstream.headers()).doesNotContainKey("authorization");
        JsonNode sent = ProxyClient.parse(upstream.bodyText());
        assertThat(sent.get("system").toString()).contains("Be brief");
        assertThat(sent.get("model").textValue()).isEqualTo("claude-sonnet-4-5");
    }

    @Test
    void aGoogleModelStreamsAsOpenAiChunksEndingWithDone() {
        HttpResponse<String> response = compat("google-ai-studio/gemini-2.5-flash", true);

        List<String> data = response.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        assertThat(ProxyClient.parse(data.get(0)).get("object").textValue()).isEqualTo("chat.completion.chunk");
        assertThat(emulator.takeRequest().url()).isEqualTo(
                "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    }

    @Test
    void anOpenAiModelPassesThroughWithTheBareModelName() {
        HttpResponse<String> response = compat("openai/gpt-4o-mini", false);

        assertThat(ProxyClient.json(response).get("model").textValue()).isEqualTo("gpt-4o-mini");
        RecordedRequest upstream = emulator.takeRequest();
        assertThat(upstream.url()).isEqualTo("https://api.openai.com/v1/chat/completions");
        assertThat(ProxyClient.parse(upstream.bodyText()).get("model").textValue()).isEqualTo("gpt-4o-mini");
        assertThat(upstream.header("authorization")).contains("Bearer provider-key");
    }

    @Test
    void providerErrorsComeBackUntranslated() {
        emulator.script("anthropic").enqueue(UpstreamResponse.status(529));

        HttpResponse<String> response = compat("anthropic/claude-sonnet-4-5", false);

        assertThat(response.statusCode()).isEqualTo(529);
        assertThat(ProxyClient.json(response).get("error").get("type").textValue()).isEqualTo("overloaded_error");
    }

    @Test
    void aModelWithoutProviderPrefixIs2005() {
        assertGatewayError(compat("gpt-4o", false), 400, 2005, "Failed to get response from provider");
    }

    @Test
    void anUnknownProviderPrefixIs2008() {
        assertGatewayError(compat("nope/some-model", false), 400, 2008, "Invalid provider");
    }

    @Test
    void anUnknownDynamicRouteIs2005NamingTheRoute() {
        assertGatewayError(compat("dynamic/support", false), 400, 2005, "Dynamic route 'support' not found");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIs2005() {
        HttpResponse<String> response = client.post(client.path("gw", "compat/chat/completions"), "[1,2]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ProxyClient.json(response).get("internalCode").intValue()).isEqualTo(2005);
    }

    @Test
    void theUniversalEndpointFallsBackFromAFailingProviderToAnotherThroughCompatSteps() {
        emulator.script("anthropic").always(UpstreamResponse.status(529));
        String body = "[{\"provider\":\"anthropic\",\"endpoint\":\"v1/messages\",\"headers\":{\"x-api-key\":\"k\"},"
                + "\"query\":{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}},"
                + "{\"provider\":\"compat\",\"endpoint\":\"chat/completions\",\"headers\":{\"authorization\":\"Bearer k2\"},"
                + "\"query\":{\"model\":\"openai/gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}}]";

        HttpResponse<String> response = client.post("/v1/" + emulator.accountId() + "/gw", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("cf-aig-step")).contains("1");
        assertThat(ProxyClient.json(response).get("object").textValue()).isEqualTo("chat.completion");
    }
}
