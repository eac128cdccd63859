package dev.aigw.emulator.samples.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.junit5.AiGatewayTest;
import dev.aigw.emulator.junit5.Provider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The universal endpoint tries its steps in order: OpenAI is down, so Anthropic answers, and the response says
 * which step it came from in {@code cf-aig-step}.
 */
@Timeout(30)
@AiGatewayTest
class UniversalEndpointFallbackTest {

    private static final String STEPS = """
            [
              {"provider": "openai", "endpoint": "chat/completions",
               "headers": {"Authorization": "Bearer sk-test", "Content-Type": "application/json"},
               "query": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hello"}]}},
              {"provider": "anthropic", "endpoint": "v1/messages",
               "headers": {"x-api-key": "sk-ant-test", "anthropic-version": "2023-06-01",
                           "Content-Type": "application/json"},
               "query": {"model": "claude-sonnet-4-5", "max_tokens": 256,
                         "messages": [{"role": "user", "content": "Hello"}]}}
            ]""";

    @Test
    void whenOpenAiFailsAnthropicAnswers(AiGatewayEmulator emulator, @Provider("openai") ProviderScript openai)
            throws Exception {
        emulator.createGateway("my-gateway");
        openai.always(UpstreamResponse.status(503));

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(emulator.gatewayUrl("my-gateway")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(STEPS))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("cf-aig-step")).hasValue("1");
        assertThat(response.body()).contains("Emulated reply from claude-sonnet-4-5 to: Hello");
        assertThat(emulator.recordedRequests()).extracting(RecordedRequest::provider)
                .containsExactly("openai", "anthropic");
    }
}
