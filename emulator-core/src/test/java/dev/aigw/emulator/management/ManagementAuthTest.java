package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertFrontDoorError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.GlobalApiKey;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Authentication and authorisation of the management API, with the exact codes of management-api.md 1.4:
 * they are checked before the route or the gateway is looked at, and a refused request changes nothing.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ManagementAuthTest {

    private static final String ACCOUNT = AiGatewayEmulator.DEFAULT_ACCOUNT_ID;
    private static final String OTHER_ACCOUNT = "fedcba9876543210fedcba9876543210";
    private static final String UNKNOWN_ACCOUNT = "ffffffffffffffffffffffffffffffff";
    private static final String EMAIL = "ops@example.com";
    private static final String GLOBAL_KEY = "c2547eb745079dac9320b638f5e225cf483cc";

    private static final String INVALID_TOKEN = "Invalid access token";
    private static final String UNAUTHORIZED = "Unauthorized to access requested resource";
    private static final String AUTHENTICATION_ERROR = "Authentication error";
    private static final String UPDATE_BODY = """
            {"cache_invalidate_on_update": false, "cache_ttl": 99, "collect_logs": false,
             "rate_limiting_interval": 0, "rate_limiting_limit": 0}
            """;

    private AiGatewayEmulator emulator;
    private ManagementApi admin;
    private JsonNode listBefore;

    @BeforeEach
    void start() {
        emulator = AiGatewayEmulator.builder()
                .account(OTHER_ACCOUNT)
                .token(new ApiToken("admin-token", Set.of(ApiToken.ANY_ACCOUNT),
                        Set.of(Permission.READ, Permission.EDIT, Permission.RUN)))
                .token(ApiToken.of("read-token", ACCOUNT, Permission.READ))
                .token(ApiToken.of("edit-only-token", ACCOUNT, Permission.EDIT))
                .token(ApiToken.of("run-token", ACCOUNT, Permission.RUN))
                .token(ApiToken.of("other-account-token", OTHER_ACCOUNT, Permission.READ, Permission.EDIT))
                .globalApiKey(new GlobalApiKey(EMAIL, GLOBAL_KEY, Set.of(ACCOUNT)))
                .build().start();
        admin = ManagementApi.of(emulator).withToken("admin-token");
        admin.createGateway(GatewayBodies.minimal("existing"));
        listBefore = admin.get("/gateways").json();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private ManagementApi as(String token) {
        return admin.withToken(token);
    }

    private void assertNothingChanged() {
        assertThat(admin.get("/gateways").json()).isEqualTo(listBefore);
    }

    @Test
    void requestWithoutCredentialsIs400With9106() {
        ManagementApi anonymous = admin.withoutCredentials();

        assertFrontDoorError(anonymous.get("/gateways"), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertFrontDoorError(anonymous.post("/gateways", GatewayBodies.minimal("sneaky")), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertFrontDoorError(anonymous.delete("/gateways/existing"), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertNothingChanged();
    }

    @Test
    void unauthenticatedGetOfAnUnknownGatewayIs9106NotNotFound() {
        assertFrontDoorError(admin.withoutCredentials().get("/gateways/does-not-exist"), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertNothingChanged();
    }

    @Test
    void authenticationIsCheckedBeforeRoutingAndMethod() {
        ManagementApi anonymous = admin.withoutCredentials();

        assertFrontDoorError(anonymous.get("/no-such-route"), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertFrontDoorError(anonymous.send("PATCH", "/gateways/existing", BodyPublishers.noBody()), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertFrontDoorError(as("unknown-token").get("/no-such-route"), 403, 9109, INVALID_TOKEN);
        assertNothingChanged();
    }

    @Test
    void cfAigAuthorizationIsNotAManagementCredential() {
        ManagementApi dataPlaneHeaderOnly = admin.withCredentialHeaders("cf-aig-authorization", "Bearer admin-token");

        assertFrontDoorError(dataPlaneHeaderOnly.post("/gateways", GatewayBodies.minimal("sneaky")), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertNothingChanged();
    }

    @Test
    void userServiceKeyIsNotAcceptedByTheseOperations() {
        ManagementApi serviceKey = admin.withCredentialHeaders("X-Auth-User-Service-Key", "v1.0-abc");

        assertFrontDoorError(serviceKey.post("/gateways", GatewayBodies.minimal("sneaky")), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertNothingChanged();
    }

    @ParameterizedTest(name = "[{index}] Authorization: ''{0}''")
    @ValueSource(strings = {"", "admin-token", "Basic YWRtaW46dG9rZW4=", "Bearer", "Bearer ", "bearer admin-token",
            "Bearer admin-token extra", "Bearer tok!en", "Token admin-token"})
    void malformedAuthorizationIs400With6003And6111(String authorization) {
        ApiReply reply = admin.withCredentialHeaders("Authorization", authorization)
                .post("/gateways", GatewayBodies.minimal("sneaky"));

        JsonNode error = assertFrontDoorError(reply, 400, 6003, "Invalid request headers");
        assertThat(error).isEqualTo(json("""
                {"code": 6003, "message": "Invalid request headers",
                 "error_chain": [{"code": 6111, "message": "Invalid format for Authorization header"}]}
                """));
        assertNothingChanged();
    }

    @Test
    void unknownTokenIs403With9109InvalidAccessToken() {
        ManagementApi stranger = as("no-such-token");

        assertFrontDoorError(stranger.get("/gateways"), 403, 9109, INVALID_TOKEN);
        assertFrontDoorError(stranger.post("/gateways", GatewayBodies.minimal("sneaky")), 403, 9109, INVALID_TOKEN);
        assertFrontDoorError(stranger.get("/gateways/does-not-exist"), 403, 9109, INVALID_TOKEN);
        assertNothingChanged();
    }

    @Test
    void readTokenCanListGetAndReadTheUrl() {
        ManagementApi reader = as("read-token");

        assertThat(assertOk(reader.get("/gateways"))).isEqualTo(listBefore.get("result"));
        assertOk(reader.get("/gateways/existing"));
        assertOk(reader.get("/gateways/existing/url/openai"));
    }

    @Test
    void readTokenCannotCreate() {
        assertFrontDoorError(as("read-token").post("/gateways", GatewayBodies.minimal("sneaky")), 403, 10000,
                AUTHENTICATION_ERROR);
        assertNothingChanged();
    }

    @Test
    void readTokenCannotUpdate() {
        assertFrontDoorError(as("read-token").put("/gateways/existing", UPDATE_BODY), 403, 10000,
                AUTHENTICATION_ERROR);
        assertNothingChanged();
    }

    @Test
    void readTokenCannotDelete() {
        assertFrontDoorError(as("read-token").delete("/gateways/existing"), 403, 10000, AUTHENTICATION_ERROR);
        assertNothingChanged();
    }

    @Test
    void readTokenWritingToAnUnknownGatewayIsRefusedBeforeNotFound() {
        assertFrontDoorError(as("read-token").delete("/gateways/does-not-exist"), 403, 10000, AUTHENTICATION_ERROR);
        assertNothingChanged();
    }

    @Test
    void editTokenMayAlsoRead() {
        ManagementApi editor = as("edit-only-token");

        assertOk(editor.get("/gateways"));
        assertOk(editor.post("/gateways", GatewayBodies.minimal("edited")));
        assertOk(editor.put("/gateways/edited", UPDATE_BODY));
        assertOk(editor.get("/gateways/edited"));
        assertOk(editor.delete("/gateways/edited"));
        assertNothingChanged();
    }

    @Test
    void runOnlyTokenCanNeitherReadNorWrite() {
        ManagementApi runner = as("run-token");

        assertFrontDoorError(runner.get("/gateways"), 403, 10000, AUTHENTICATION_ERROR);
        assertFrontDoorError(runner.get("/gateways/existing"), 403, 10000, AUTHENTICATION_ERROR);
        assertFrontDoorError(runner.get("/gateways/existing/url/openai"), 403, 10000, AUTHENTICATION_ERROR);
        assertFrontDoorError(runner.post("/gateways", GatewayBodies.minimal("sneaky")), 403, 10000,
                AUTHENTICATION_ERROR);
        assertFrontDoorError(runner.put("/gateways/existing", UPDATE_BODY), 403, 10000, AUTHENTICATION_ERROR);
        assertFrontDoorError(runner.delete("/gateways/existing"), 403, 10000, AUTHENTICATION_ERROR);
        assertNothingChanged();
    }

    @Test
    void tokenOfAnotherAccountIs403With9109Unauthorized() {
        ManagementApi outsider = as("other-account-token");

        assertFrontDoorError(outsider.get("/gateways"), 403, 9109, UNAUTHORIZED);
        assertFrontDoorError(outsider.get("/gateways/existing"), 403, 9109, UNAUTHORIZED);
        assertFrontDoorError(outsider.post("/gateways", GatewayBodies.minimal("sneaky")), 403, 9109, UNAUTHORIZED);
        assertFrontDoorError(outsider.delete("/gateways/existing"), 403, 9109, UNAUTHORIZED);
        assertNothingChanged();
    }

    @Test
    void tokenOfAnotherAccountWorksOnItsOwnAccount() {
        ManagementApi outsider = as("other-account-token").forAccount(OTHER_ACCOUNT);

        assertOk(outsider.post("/gateways", GatewayBodies.minimal("theirs")));

        assertThat(outsider.gatewayIds()).containsExactly("theirs");
        assertNothingChanged();
    }

    @Test
    void unknownAccountIs403With9109EvenForATokenOfEveryAccount() {
        ManagementApi lost = admin.forAccount(UNKNOWN_ACCOUNT);

        assertFrontDoorError(lost.get("/gateways"), 403, 9109, UNAUTHORIZED);
        assertFrontDoorError(lost.post("/gateways", GatewayBodies.minimal("sneaky")), 403, 9109, UNAUTHORIZED);
        assertNothingChanged();
    }

    @Test
    void globalApiKeyPairWorksForReadsAndWrites() {
        ManagementApi legacy = admin.withCredentialHeaders("X-Auth-Email", EMAIL, "X-Auth-Key", GLOBAL_KEY);

        assertOk(legacy.post("/gateways", GatewayBodies.minimal("legacy")));
        assertOk(legacy.get("/gateways/legacy"));
        assertOk(legacy.delete("/gateways/legacy"));
        assertNothingChanged();
    }

    @Test
    void globalApiKeyPairOnlyCoversItsOwnAccounts() {
        ManagementApi legacy = admin.withCredentialHeaders("X-Auth-Email", EMAIL, "X-Auth-Key", GLOBAL_KEY)
                .forAccount(OTHER_ACCOUNT);

        assertFrontDoorError(legacy.get("/gateways"), 403, 9109, UNAUTHORIZED);
        assertFrontDoorError(legacy.post("/gateways", GatewayBodies.minimal("sneaky")), 403, 9109, UNAUTHORIZED);
        assertThat(admin.forAccount(OTHER_ACCOUNT).gatewayIds()).isEmpty();
        assertNothingChanged();
    }

    @Test
    void wrongGlobalApiKeyIs403With9103() {
        ManagementApi wrongKey = admin.withCredentialHeaders("X-Auth-Email", EMAIL,
                "X-Auth-Key", "0000000000000000000000000000000000000");
        ManagementApi wrongEmail = admin.withCredentialHeaders("X-Auth-Email", "someone@example.com",
                "X-Auth-Key", GLOBAL_KEY);

        assertFrontDoorError(wrongKey.post("/gateways", GatewayBodies.minimal("sneaky")), 403, 9103,
                "Unknown X-Auth-Key or X-Auth-Email");
        assertFrontDoorError(wrongEmail.get("/gateways"), 403, 9103, "Unknown X-Auth-Key or X-Auth-Email");
        assertNothingChanged();
    }

    @Test
    void emailWithoutKeyIs400With6003And6103() {
        ApiReply reply = admin.withCredentialHeaders("X-Auth-Email", EMAIL)
                .post("/gateways", GatewayBodies.minimal("sneaky"));

        JsonNode error = assertFrontDoorError(reply, 400, 6003, "Invalid request headers");
        assertThat(error.get("error_chain")).isEqualTo(json("""
                [{"code": 6103, "message": "Invalid format for X-Auth-Key header"}]
                """));
        assertNothingChanged();
    }

    @Test
    void malformedKeyIs400With6003And6103() {
        ApiReply reply = admin.withCredentialHeaders("X-Auth-Email", EMAIL, "X-Auth-Key", "not a key!")
                .post("/gateways", GatewayBodies.minimal("sneaky"));

        JsonNode error = assertFrontDoorError(reply, 400, 6003, "Invalid request headers");
        assertThat(error.get("error_chain")).isEqualTo(json("""
                [{"code": 6103, "message": "Invalid format for X-Auth-Key header"}]
                """));
        assertNothingChanged();
    }

    @Test
    void keyWithoutEmailIs400With6003And6102() {
        ApiReply reply = admin.withCredentialHeaders("X-Auth-Key", GLOBAL_KEY)
                .post("/gateways", GatewayBodies.minimal("sneaky"));

        JsonNode error = assertFrontDoorError(reply, 400, 6003, "Invalid request headers");
        assertThat(error.get("error_chain")).isEqualTo(json("""
                [{"code": 6102, "message": "Invalid format for X-Auth-Email header"}]
                """));
        assertNothingChanged();
    }
}
