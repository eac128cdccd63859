package dev.aigw.emulator.samples.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.junit5.AiGatewayTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The OpenAI SDK calls a dynamic route, {@code dynamic/support}, through the gateway's OpenAI-compatible endpoint:
 * the route's first model (OpenAI) answers 503, so the route falls back to Anthropic, and the reply says which
 * model answered.
 */
@Timeout(30)
@AiGatewayTest(gateways = "my-gateway")
class DynamicRouteFallbackTest {

    private static final String ROUTE = """
            {"name": "support", "elements": [
              {"id": "start", "type": "start", "outputs": {"next": {"elementId": "openai"}}},
              {"id": "openai", "type": "model",
               "properties": {"provider": "openai", "model": "gpt-4o-mini", "timeout": 10000, "retries": 0},
               "outputs": {"success": {"elementId": "end"}, "fallback": {"elementId": "anthropic"}}},
              {"id": "anthropic", "type": "model",
               "properties": {"provider": "anthropic", "model": "claude-3-5-haiku", "timeout": 10000, "retries": 0},
               "outputs": {"success": {"elementId": "end"}, "fallback": {"elementId": "end"}}},
              {"id": "end", "type": "end", "outputs": {}}]}""";

    private OpenAIClient client;

    @BeforeEach
    void routeAndClient(AiGatewayEmulator emulator) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        emulator.baseUrl() + "/client/v4/accounts/" + emulator.accountId()
                                + "/ai-gateway/gateways/my-gateway/routes"))
                .header("Authorization", "Bearer " + emulator.apiToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ROUTE))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(200);
        client = OpenAIOkHttpClient.builder()
                .baseUrl(emulator.gatewayUrl("my-gateway") + "/compat")
                .apiKey("unused")
                .maxRetries(0)
                .build();
    }

    @Test
    void aFailingModelFallsBackToTheNextProvider(AiGatewayEmulator emulator) {
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(503).build());

        HttpResponseFor<ChatCompletion> response = client.chat().completions().withRawResponse().create(
                ChatCompletionCreateParams.builder()
                        .model("dynamic/support")
                        .addUserMessage("Where is my order?")
                        .build());

        ChatCompletion completion = response.parse();
        assertThat(completion.model()).isEqualTo("claude-3-5-haiku");
        assertThat(response.headers().values("cf-aig-provider")).containsExactly("anthropic");
        assertThat(response.headers().values("cf-aig-model")).containsExactly("claude-3-5-haiku");
        Timeline timeline = emulator.timelines().get(0);
        assertThat(timeline.route().visited()).containsExactly("start", "openai", "anthropic");
        assertThat(timeline.route().choices()).containsEntry("openai", "fallback");
    }
}
