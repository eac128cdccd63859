package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.proxy.ProxyClient.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway's own errors for paths and bodies it cannot serve (proxy.md 1.6, 9). */
@Timeout(30)
class ProxyRoutingErrorsTest {

    private static final String NO_GATEWAY = "Please configure AI Gateway in the Cloudflare dashboard";

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().maxBodyBytes(1024).build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @BeforeEach
    void createGateway() {
        emulator.createGateway("gw");
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void anUnknownProviderIs2008() {
        assertGatewayError(client.post(client.path("gw", "not-a-provider/chat/completions"), ProxyClient.CHAT),
                400, 2008, "Invalid provider");
        assertThat(emulator.recordedRequests()).isEmpty();
    }

    @Test
    void anUnknownGatewayIs2001() {
        assertGatewayError(client.post(client.path("nope", "openai/chat/completions"), ProxyClient.CHAT),
                400, 2001, NO_GATEWAY);
    }

    @Test
    void anUnknownAccountIs2001() {
        assertGatewayError(client.post("/v1/ffffffffffffffffffffffffffffffff/gw/openai/chat/completions", ProxyClient.CHAT),
                400, 2001, NO_GATEWAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1", "/v1/", "/v1/0123456789abcdef0123456789abcdef", "/v1/0123456789abcdef0123456789abcdef/"})
    void aPathWithoutGatewayIs404With2001(String path) {
        assertGatewayError(client.post(path, ProxyClient.CHAT), 404, 2001, NO_GATEWAY);
    }

    @Test
    void theUniversalEndpointOnlyAcceptsPost() {
        assertGatewayError(client.send("GET", "/v1/" + emulator.accountId() + "/gw", null), 404, 2008, "Invalid provider");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "42", "\"text\"", "[]", "[42]", "[{\"endpoint\":\"chat/completions\"}]",
            "[{\"provider\":\"openai\"}]", "[{\"provider\":\"openai\",\"endpoint\":\"chat/completions\",\"headers\":[1]}]"})
    void aMalformedUniversalBodyIs2005NamingTheProblem(String body) {
        HttpResponse<String> response = client.post("/v1/" + emulator.accountId() + "/gw", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ProxyClient.json(response).get("internalCode").intValue()).isEqualTo(2005);
        assertThat(ProxyClient.json(response).get("message").textValue()).startsWith("Invalid universal request: ");
        assertThat(emulator.recordedRequests()).isEmpty();
    }

    @Test
    void aUniversalStepWithAnUnknownProviderIs2008() {
        String body = "[{\"provider\":\"nope\",\"endpoint\":\"chat/completions\",\"query\":{}}]";
        assertGatewayError(client.post("/v1/" + emulator.accountId() + "/gw", body), 400, 2008, "Invalid provider");
    }

    @Test
    void anUnknownCompatPathIs404With2008() {
        assertGatewayError(client.post(client.path("gw", "compat/embeddings"), "{}"), 404, 2008, "Invalid provider");
    }

    @Test
    void anOversizedBodyIs413AndReachesNoProvider() {
        String big = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(2000) + "\"}]}";

        HttpResponse<String> response = client.post(client.path("gw", "openai/chat/completions"), big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ProxyClient.json(response).get("name").textValue()).isEqualTo("AiGatewayError");
        assertThat(emulator.recordedRequests()).isEmpty();
    }

    @Test
    void aMalformedMetadataHeaderIsIgnoredAndTheRequestRuns() {
        HttpResponse<String> response = client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT,
                "cf-aig-metadata", "{not json");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void gatewayErrorsCarryRequestAndEventIds() {
        HttpResponse<String> response = client.post(client.path("nope", "openai/chat/completions"), ProxyClient.CHAT,
                "cf-aig-event-id", "my-event");

        assertThat(response.headers().firstValue("cf-aig-request-id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertThat(response.headers().firstValue("cf-aig-event-id")).contains("my-event");
    }
}
