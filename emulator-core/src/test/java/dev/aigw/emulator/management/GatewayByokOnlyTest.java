package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gateway field {@code byok_only} (management-api-2.md 1): optional, default false, always returned, typed. */
@Timeout(30)
class GatewayByokOnlyTest {

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();
    private final ManagementApi api = ManagementApi.of(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void itDefaultsToFalseAndIsAlwaysReturned() {
        JsonNode created = api.createGateway(GatewayBodies.minimal("gw"));

        assertThat(created.get("byok_only").isBoolean()).isTrue();
        assertThat(created.get("byok_only").booleanValue()).isFalse();
        assertThat(api.fetchGateway("gw").get("byok_only").booleanValue()).isFalse();
        assertThat(emulator.gateway("gw").orElseThrow().settings().byokOnly()).isFalse();
    }

    @Test
    void theAutoCreatedDefaultGatewayHasItFalse() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulator.providerUrl("default", "openai") + "/chat/completions"))
                .header("authorization", "Bearer sk-test")
                .header("cf-aig-authorization", "Bearer " + emulator.apiToken())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(api.fetchGateway("default").get("byok_only").booleanValue()).isFalse();
    }

    @Test
    void createAndUpdateSetItAndTheResponseEchoesIt() {
        JsonNode created = api.createGateway(GatewayBodies.minimal("gw").replace("}", ", \"byok_only\": true}"));
        assertThat(created.get("byok_only").booleanValue()).isTrue();

        JsonNode updated = assertOk(api.put("/gateways/gw", """
                {"cache_invalidate_on_update": false, "cache_ttl": 0, "collect_logs": true,
                 "rate_limiting_interval": 0, "rate_limiting_limit": 0, "byok_only": false}
                """));

        assertThat(updated.get("byok_only").booleanValue()).isFalse();
    }

    @Test
    void aValueThatIsNoBooleanIsRefusedAtItsPath() {
        assertValidationError(api.post("/gateways", GatewayBodies.minimal("gw").replace("}", ", \"byok_only\": \"yes\"}")),
                "body", "byok_only");
        assertValidationError(api.post("/gateways", GatewayBodies.minimal("gw").replace("}", ", \"byok_only\": null}")),
                "body", "byok_only");
    }

    @Test
    void theJavaBuilderSetsItAndItRoundTrips() {
        emulator.createGateway("gw", GatewaySettings.builder().byokOnly(true).build());

        assertThat(api.fetchGateway("gw").get("byok_only").booleanValue()).isTrue();
        assertThat(emulator.gateway("gw").orElseThrow().settings().byokOnly()).isTrue();
        assertThat(GatewaySettings.defaults().byokOnly()).isFalse();
    }
}
