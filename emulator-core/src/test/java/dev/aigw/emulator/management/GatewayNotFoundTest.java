package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertNotFound;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A gateway that does not exist, or cannot exist, is 404/7002 "Not Found" for get, update, delete and URL,
 * before any body is looked at (management-api.md 4, G3-G6, Q14).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GatewayNotFoundTest {

    private static final String OTHER_ACCOUNT = "fedcba9876543210fedcba9876543210";
    private static final String UPDATE_BODY = """
            {"cache_invalidate_on_update": true, "cache_ttl": 0, "collect_logs": true,
             "rate_limiting_interval": 0, "rate_limiting_limit": 0}
            """;

    private AiGatewayEmulator emulator;
    private ManagementApi api;
    private JsonNode listBefore;

    @BeforeEach
    void start() {
        emulator = AiGatewayEmulator.builder()
                .account(OTHER_ACCOUNT)
                .token(new ApiToken("both-accounts", Set.of(AiGatewayEmulator.DEFAULT_ACCOUNT_ID, OTHER_ACCOUNT),
                        Set.of(Permission.READ, Permission.EDIT)))
                .build().start();
        api = ManagementApi.of(emulator);
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

    @Test
    void getOfAnUnknownGatewayIsNotFound() {
        assertNotFound(api.get("/gateways/missing"));
        assertNothingChanged();
    }

    @Test
    void updateOfAnUnknownGatewayIsNotFoundAndCreatesNothing() {
        assertNotFound(api.put("/gateways/missing", UPDATE_BODY));
        assertNothingChanged();
    }

    @Test
    void deleteOfAnUnknownGatewayIsNotFound() {
        assertNotFound(api.delete("/gateways/missing"));
        assertNothingChanged();
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"{\"cache_ttl\": ", "[]", "", "{\"cache_ttl\": \"60\"}", "{}"})
    void updateOfAnUnknownGatewayWithAnInvalidBodyIsNotFound(String body) {
        assertNotFound(api.put("/gateways/missing", body));
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "UPPER", "Existing",
            "double--dash", "-leading", "trailing-", "with%20space", "dotted.id", "%C3%BCml%C3%A4ut"})
    void getUpdateAndDeleteOfAnIdThatCannotExistAreNotFound(String id) {
        assertNotFound(api.get("/gateways/" + id));
        assertNotFound(api.put("/gateways/" + id, UPDATE_BODY));
        assertNotFound(api.put("/gateways/" + id, "not json"));
        assertNotFound(api.delete("/gateways/" + id));
        assertNotFound(api.get("/gateways/" + id + "/url/openai"));
        assertNothingChanged();
    }

    @Test
    void urlOfAnUnknownGatewayIsNotFound() {
        assertNotFound(api.get("/gateways/missing/url/workers-ai"));
        assertNothingChanged();
    }

    @Test
    void gatewaysOfOneAccountAreNotFoundInAnother() {
        ManagementApi other = api.forAccount(OTHER_ACCOUNT);

        assertNotFound(other.get("/gateways/existing"));
        assertNotFound(other.put("/gateways/existing", UPDATE_BODY));
        assertNotFound(other.delete("/gateways/existing"));
        assertThat(other.gatewayIds()).isEmpty();
        assertNothingChanged();
    }

    @Test
    void theSameIdMayExistInTwoAccountsIndependently() {
        ManagementApi other = api.forAccount(OTHER_ACCOUNT);

        JsonNode created = other.createGateway(GatewayBodies.full("existing"));
        assertOk(other.delete("/gateways/existing"));

        assertThat(created.get("cache_ttl").intValue()).isEqualTo(3600);
        assertThat(api.fetchGateway("existing").get("cache_ttl").intValue()).isZero();
        assertNothingChanged();
    }

    @Test
    void managementCallsNeverCreateTheDefaultGateway() {
        assertNotFound(api.get("/gateways/default"));
        assertNotFound(api.put("/gateways/default", UPDATE_BODY));
        assertNotFound(api.get("/gateways/default/url/openai"));

        assertNothingChanged();
    }
}
