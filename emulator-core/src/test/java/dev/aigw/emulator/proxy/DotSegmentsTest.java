package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.proxy.ProxyClient.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dot segments, raw or percent-encoded, are refused as an invalid provider (400/2008) in every form that names an
 * upstream path: the provider path, a universal step's {@code endpoint} and a compat model; a real upstream
 * configured for the provider is never reached.
 */
@Timeout(30)
class DotSegmentsTest {

    private static final List<String> PROVIDERS = List.of("openai", "workers-ai", "google-ai-studio", "anthropic");

    private final UpstreamStub upstream = new UpstreamStub(exchange -> exchange.getResponseSender().send("{}"));
    private final AiGatewayEmulator emulator = withUpstreams(AiGatewayEmulator.builder()).build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    private AiGatewayEmulator.Builder withUpstreams(AiGatewayEmulator.Builder builder) {
        PROVIDERS.forEach(p -> builder.upstream(p, upstream.baseUrl()));
        return builder;
    }

    @AfterEach
    void close() {
        emulator.close();
        upstream.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "%2e%2e", "%2E%2E", "%2E.", ".%2e", "%2e", "..%2f..%2fx", "%2e%2e%2fx",
            "%2e%2e%2Fx", "a%2f..%2fb", "..%5cx", "%252e%252e", "..;x"})
    void aProviderPathWithADotSegmentIsRefused(String segment) {
        emulator.createGateway("gw");

        HttpResponse<String> response = client.post(client.path("gw", "openai/v1/" + segment + "/chat/completions"),
                ProxyClient.CHAT);

        assertGatewayError(response, 400, 2008, "Invalid provider");
        assertThat(upstream.received()).isEmpty();
        assertThat(emulator.recordedRequests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../x", "./chat/completions", "chat/../../x", "%2e%2e/%2e%2e/x", "%2E./x",
            ".%2e/x", "..%2f..%2fx", "chat/completions/..", "a/%2e", "..%5cx", "%252e%252e/x", "../x?y=1"})
    void aUniversalStepEndpointWithADotSegmentIsRefused(String endpoint) {
        emulator.createGateway("gw");

        HttpResponse<String> response = client.post("/v1/" + emulator.accountId() + "/gw",
                "[{\"provider\":\"openai\",\"endpoint\":\"" + endpoint + "\",\"headers\":{},\"query\":{}}]");

        assertGatewayError(response, 400, 2008, "Invalid provider");
        assertThat(upstream.received()).isEmpty();
        assertThat(emulator.recordedRequests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"google-ai-studio/../../x", "google-ai-studio/..%2f..%2fx", "google-ai-studio/%2e%2e",
            "workers-ai/@cf/../../../x", "workers-ai/%2E%2E/x", "openai/../x", "anthropic/.",
            "google-ai-studio/..\\\\x"})
    void aCompatModelWithADotSegmentIsRefused(String model) {
        emulator.createGateway("gw");

        HttpResponse<String> response = client.post(client.path("gw", "compat/chat/completions"),
                "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                "authorization", "Bearer provider-key");

        assertGatewayError(response, 400, 2008, "Invalid provider");
        assertThat(upstream.received()).isEmpty();
        assertThat(emulator.recordedRequests()).isEmpty();
    }

    @Test
    void dotsInsideASegmentAreNotDotSegments() {
        emulator.createGateway("gw");

        HttpResponse<String> response = client.post("/v1/" + emulator.accountId() + "/gw",
                "[{\"provider\":\"openai\",\"endpoint\":\"v1.5/..chat../x.y\",\"headers\":{},\"query\":{}}]");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(upstream.received()).hasSize(1);
    }
}
