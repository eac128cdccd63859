package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertFrontDoorError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the v4 front door answers before an endpoint runs: unknown routes (404/7003), wrong methods
 * (405/10405), oversized bodies (413) and bad pagination queries (400/7001 at the query), none of which
 * change anything (management-api.md 2.4, G1).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ManagementFrontDoorTest {

    private static final int MAX_BODY_BYTES = 512;

    private AiGatewayEmulator emulator;
    private ManagementApi api;
    private String accountPath;
    private JsonNode listBefore;

    @BeforeEach
    void start() {
        emulator = AiGatewayEmulator.builder().maxBodyBytes(MAX_BODY_BYTES).build().start();
        api = ManagementApi.of(emulator);
        accountPath = "/accounts/" + emulator.accountId() + "/ai-gateway";
        api.createGateway(GatewayBodies.minimal("existing"));
        listBefore = api.get("/gateways").json();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private void assertNothingChanged() {
        assertThat(api.get("/gateways").json()).isEqualTo(listBefore);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"/nonsense", "/gateways/existing/unknown", "/gateways/existing/url", "/gateways/",
            "/gateways/existing/url/openai/extra", ""})
    void unknownPathUnderTheAccountIsNoRoute(String path) {
        assertFrontDoorError(api.get(path), 404, 7003,
                "Could not route to " + accountPath + path + ", perhaps your object identifier is invalid?");
        assertNothingChanged();
    }

    @Test
    void unknownPathUnderClientV4IsNoRoute() {
        ApiReply reply = api.sendRaw("GET", "/client/v4/user/tokens/verify", BodyPublishers.noBody());

        assertFrontDoorError(reply, 404, 7003,
                "Could not route to /user/tokens/verify, perhaps your object identifier is invalid?");
        assertNothingChanged();
    }

    @Test
    void pathOutsideClientV4IsNoRoute() {
        ApiReply reply = api.sendRaw("GET", "/nothing/here", BodyPublishers.noBody());

        assertFrontDoorError(reply, 404, 7003,
                "Could not route to /nothing/here, perhaps your object identifier is invalid?");
        assertNothingChanged();
    }

    @Test
    void unknownRouteWithABodyStoresNothing() {
        assertFrontDoorError(api.post("/gateway", GatewayBodies.minimal("typo")), 404, 7003,
                "Could not route to " + accountPath + "/gateway, perhaps your object identifier is invalid?");
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "DELETE|/gateways|GET, POST",
            "PUT|/gateways|GET, POST",
            "PATCH|/gateways/existing|GET, PUT, DELETE",
            "POST|/gateways/existing|GET, PUT, DELETE",
            "DELETE|/gateways/existing/url/openai|GET"})
    void wrongMethodOnAKnownPathIs405NamingTheAllowedOnes(String method, String path, String allowed) {
        ApiReply reply = api.send(method, path, BodyPublishers.ofString(GatewayBodies.minimal("existing")));

        assertFrontDoorError(reply, 405, 10405, "Method not allowed");
        assertThat(reply.headers().firstValue("Allow")).hasValue(allowed);
        assertNothingChanged();
    }

    @Test
    void createBodyLargerThanTheLimitIs413AndStoresNothing() {
        String body = GatewayBodies.full("too-big");
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(MAX_BODY_BYTES);

        ApiReply reply = api.post("/gateways", body);

        assertFrontDoorError(reply, 413, 7001, "Request body too large (limit: 512 bytes)");
        assertNothingChanged();
    }

    @Test
    void chunkedBodyLargerThanTheLimitIs413AndStoresNothing() {
        byte[] body = GatewayBodies.full("too-big").getBytes(StandardCharsets.UTF_8);

        ApiReply reply = api.send("POST", "/gateways",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertFrontDoorError(reply, 413, 7001, "Request body too large (limit: 512 bytes)");
        assertNothingChanged();
    }

    @Test
    void updateBodyLargerThanTheLimitIs413AndChangesNothing() {
        String body = GatewayBodies.full("existing").replace("\"id\": \"existing\",", "");

        assertFrontDoorError(api.put("/gateways/existing", body), 413, 7001,
                "Request body too large (limit: 512 bytes)");
        assertNothingChanged();
    }

    @Test
    void bodyOfExactlyTheLimitIsAccepted() {
        String minimal = GatewayBodies.minimal("at-the-limit").strip();
        String body = minimal + " ".repeat(MAX_BODY_BYTES - minimal.length());
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(MAX_BODY_BYTES);

        assertOk(api.post("/gateways", body));
        assertThat(api.gatewayIds()).containsExactly("at-the-limit", "existing");
    }

    @ParameterizedTest(name = "per_page={0}")
    @ValueSource(strings = {"0", "101", "abc", "-1", "", "1.5", "99999999999"})
    void badPerPageIsRefusedAtTheQuery(String perPage) {
        JsonNode error = assertValidationError(api.get("/gateways?per_page=" + perPage), "query", "per_page");

        assertThat(error.get("message").asText()).contains("an integer from 1 to 100").contains(perPage);
        assertNothingChanged();
    }

    @ParameterizedTest(name = "page={0}")
    @ValueSource(strings = {"0", "-3", "first"})
    void badPageIsRefusedAtTheQuery(String page) {
        JsonNode error = assertValidationError(api.get("/gateways?page=" + page), "query", "page");

        assertThat(error.get("message").asText()).contains("an integer >= 1").contains(page);
        assertNothingChanged();
    }

    @Test
    void queryErrorsHaveTheServiceEnvelope() {
        assertThat(api.get("/gateways?per_page=0").json()).isEqualTo(json("""
                {"success": false,
                 "errors": [{"code": 7001,
                             "message": "Input Validation Error: per_page: expected an integer from 1 to 100, got \\"0\\"",
                             "path": ["query", "per_page"]}],
                 "messages": [], "result": {}}
                """));
        assertNothingChanged();
    }
}
