package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertFrontDoorError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertNotFound;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationErrors;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static dev.aigw.emulator.testsupport.SdkShapes.checkDynamicRouting;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R1-R10 of management-api-2.md 4.2 over HTTP: every operation's success (checked against the OpenAPI extract
 * where it has the operation, else against the SDK-typing fixtures of {@code sdk-shapes/dynamic-routing.json}),
 * validation with {@code path}, not found and permissions.
 */
@Timeout(30)
class DynamicRoutesApiTest {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final String ROUTES = "/gateways/gw/routes";
    private static final String TWO_MODELS = """
            [{"id":"s","type":"start","outputs":{"next":{"elementId":"m1"}}},
             {"id":"m1","type":"model","properties":{"provider":"openai","model":"gpt-4o-mini","timeout":0,"retries":0},
              "outputs":{"success":{"elementId":"e"},"fallback":{"elementId":"m2"}}},
             {"id":"m2","type":"model","properties":{"provider":"anthropic","model":"claude-3-5-haiku","timeout":0,
              "retries":0},"outputs":{"success":{"elementId":"e"},"fallback":{"elementId":"e"}}},
             {"id":"e","type":"end","outputs":{}}]""";
    private static final String ONE_MODEL = """
            [{"id":"s","type":"start","outputs":{"next":{"elementId":"m"}}},
             {"id":"m","type":"model","properties":{"provider":"groq","model":"llama"},
              "outputs":{"success":{"elementId":"e"}}},
             {"id":"e","type":"end"}]""";

    private final VirtualClock clock = VirtualClock.startingAt(T0);
    private AiGatewayEmulator emulator;
    private ManagementApi api;

    @BeforeEach
    void start() {
        emulator = AiGatewayEmulator.builder().clock(clock)
                .token(new ApiToken("admin", Set.of(ApiToken.ANY_ACCOUNT), EnumSet.allOf(Permission.class)))
                .token(ApiToken.of("reader", AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.READ))
                .build().start();
        api = ManagementApi.of(emulator).withToken("admin");
        api.createGateway(GatewayBodies.minimal("gw"));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private JsonNode create(String name, String elements) {
        return assertOk(api.post(ROUTES, "{\"name\":\"" + name + "\",\"elements\":" + elements + "}"));
    }

    @Test
    void createStoresVersionOneAndDeploysIt() {
        JsonNode route = checkDynamicRouting("create.result", create("Route Name", TWO_MODELS));

        assertThat(route.get("name").asText()).isEqualTo("Route Name");
        assertThat(route.get("gateway_id").asText()).isEqualTo("gw");
        assertThat(route.get("elements")).isEqualTo(json(TWO_MODELS));
        assertThat(route.get("created_at").asText()).isEqualTo("2026-06-01T09:00:00.000Z");
        assertThat(route.get("version").get("active").asText()).isEqualTo("true");
        assertThat(route.get("version").get("is_valid").asBoolean()).isTrue();
        assertThat(json(route.get("version").get("data").asText())).isEqualTo(json(TWO_MODELS));
        assertThat(route.get("deployment").get("version_id")).isEqualTo(route.get("version").get("version_id"));
    }

    @Test
    void getAndListShowTheLiveVersionAndNewestDeployment() {
        String id = create("r", TWO_MODELS).get("id").asText();
        create("second", ONE_MODEL);

        JsonNode got = checkDynamicRouting("get.result", assertOk(api.get(ROUTES + "/" + id)));
        assertThat(got.get("elements")).isEqualTo(json(TWO_MODELS));

        ApiReply list = api.sendWithoutEnvelope("GET", ROUTES + "?per_page=1&page=2", null);
        assertThat(list.status()).isEqualTo(200);
        JsonNode body = checkDynamicRouting("list.body", list.json());
        assertThat(body.get("data").get("page").asInt()).isEqualTo(2);
        assertThat(body.get("data").get("per_page").asInt()).isEqualTo(1);
        assertThat(body.get("data").get("routes")).hasSize(1);
        assertThat(body.get("data").get("routes").get(0).get("name").asText()).isEqualTo("second");
        assertThat(body.get("data").get("routes").get(0).get("account_tag").asText())
                .isEqualTo(emulator.accountId());
    }

    @Test
    void updateRenamesOnlyAndChangesModifiedAt() {
        String id = create("old", TWO_MODELS).get("id").asText();
        clock.advance(Duration.ofSeconds(5));

        ApiReply reply = api.sendWithoutEnvelope("PATCH", ROUTES + "/" + id,
                "{\"name\":\"new name\",\"elements\":[]}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode route = checkDynamicRouting("update.body", reply.json()).get("route");
        assertThat(route.get("name").asText()).isEqualTo("new name");
        assertThat(route.get("elements")).isEqualTo(json(TWO_MODELS));
        assertThat(route.get("modified_at").asText()).isEqualTo("2026-06-01T09:00:05.000Z");
        assertThat(assertOk(api.get(ROUTES + "/" + id)).get("name").asText()).isEqualTo("new name");
    }

    @Test
    void deleteRemovesTheRouteWithItsVersions() {
        String id = create("r", TWO_MODELS).get("id").asText();

        JsonNode deleted = assertOk(api.delete(ROUTES + "/" + id));

        assertThat(deleted.get("id").asText()).isEqualTo(id);
        assertNotFound(api.get(ROUTES + "/" + id));
        assertNotFound(api.get(ROUTES + "/" + id + "/versions"));
    }

    @Test
    void aNewVersionServesNothingUntilDeployedAndAnOldOneCanBeRolledBackTo() {
        JsonNode route = create("r", TWO_MODELS);
        String id = route.get("id").asText();
        String v1 = route.get("version").get("version_id").asText();
        clock.advance(Duration.ofSeconds(1));

        JsonNode created = checkDynamicRouting("createVersion.result",
                assertOk(api.post(ROUTES + "/" + id + "/versions", "{\"elements\":" + ONE_MODEL + "}")));
        String v2 = created.get("version_id").asText();
        assertThat(created.get("elements")).isEqualTo(json(ONE_MODEL));
        assertThat(assertOk(api.get(ROUTES + "/" + id)).get("elements")).isEqualTo(json(TWO_MODELS));

        JsonNode version = checkDynamicRouting("getVersion.result",
                assertOk(api.get(ROUTES + "/" + id + "/versions/" + v2)));
        assertThat(version.get("active").asText()).isEqualTo("false");
        assertThat(version.get("elements")).isEqualTo(json(ONE_MODEL));

        clock.advance(Duration.ofSeconds(1));
        JsonNode deployed = checkDynamicRouting("createDeployment.result",
                assertOk(api.post(ROUTES + "/" + id + "/deployments", "{\"version_id\":\"" + v2 + "\"}")));
        assertThat(deployed.get("elements")).isEqualTo(json(ONE_MODEL));
        assertOk(api.post(ROUTES + "/" + id + "/deployments", "{\"version_id\":\"" + v1 + "\"}"));

        JsonNode versions = api.sendWithoutEnvelope("GET", ROUTES + "/" + id + "/versions", null).json()
                .get("data").get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version_id").asText()).isEqualTo(v2);
        assertThat(versions.get(0).get("active").asText()).isEqualTo("false");
        assertThat(versions.get(1).get("active").asText()).isEqualTo("true");

        JsonNode deployments = api.sendWithoutEnvelope("GET", ROUTES + "/" + id + "/deployments", null).json()
                .get("data");
        assertThat(deployments.get("per_page").asInt()).isEqualTo(100);
        assertThat(deployments.get("deployments")).extracting(d -> d.get("version_id").asText())
                .containsExactly(v1, v2, v1);
        assertThat(assertOk(api.get(ROUTES + "/" + id)).get("elements")).isEqualTo(json(TWO_MODELS));
    }

    @Test
    void aVersionWithGraphErrorsIsStoredInvalidAndCannotBeDeployed() {
        String id = create("r", TWO_MODELS).get("id").asText();
        String broken = "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"nowhere\"}}}]";

        JsonNode created = assertOk(api.post(ROUTES + "/" + id + "/versions", "{\"elements\":" + broken + "}"));
        assertThat(created.get("is_valid").asBoolean()).isFalse();

        JsonNode error = assertValidationError(api.post(ROUTES + "/" + id + "/deployments",
                "{\"version_id\":\"" + created.get("version_id").asText() + "\"}"), "body", "version_id");
        assertThat(error.get("message").asText()).contains("Version is not valid");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "elements not an array|{\"name\":\"r\",\"elements\":{}}|body.elements",
        "name missing|{\"elements\":[]}|body.name",
        "name empty|{\"name\":\"\",\"elements\":[]}|body.name",
        "element without id|{\"name\":\"r\",\"elements\":[{\"type\":\"start\"}]}|body.elements.0.id",
        "unknown type|{\"name\":\"r\",\"elements\":[{\"id\":\"a\",\"type\":\"teleport\"}]}|body.elements.0.type",
        "limit not a number|{\"name\":\"r\",\"elements\":[{\"id\":\"a\",\"type\":\"start\"},"
                + "{\"id\":\"b\",\"type\":\"rate\",\"properties\":{\"limit\":\"ten\"}}]}|body.elements.1.properties.limit",
        "limitType not in enum|{\"name\":\"r\",\"elements\":[{\"id\":\"b\",\"type\":\"rate\","
                + "\"properties\":{\"limitType\":\"tokens\"}}]}|body.elements.0.properties.limitType",
        "model not a string|{\"name\":\"r\",\"elements\":[{\"id\":\"b\",\"type\":\"model\","
                + "\"properties\":{\"model\":5}}]}|body.elements.0.properties.model",
        "output not an object|{\"name\":\"r\",\"elements\":[{\"id\":\"a\",\"type\":\"start\","
                + "\"outputs\":{\"next\":\"b\"}}]}|body.elements.0.outputs.next",
        "elementId not a string|{\"name\":\"r\",\"elements\":[{\"id\":\"a\",\"type\":\"start\","
                + "\"outputs\":{\"next\":{\"elementId\":1}}}]}|body.elements.0.outputs.next.elementId",
    })
    void shapeErrorsNameTheMember(String ignored, String body, String dottedPath) {
        assertValidationError(api.post(ROUTES, body), dottedPath.split("\\."));
        assertThat(api.sendWithoutEnvelope("GET", ROUTES, null).json().get("data").get("routes")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no start|[{\"id\":\"e\",\"type\":\"end\"}]|body.elements",
        "unknown target|[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"x\"}}},"
                + "{\"id\":\"e\",\"type\":\"end\"}]|body.elements.0.outputs.next.elementId;body.elements",
        "missing required output|[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"c\"}}},"
                + "{\"id\":\"c\",\"type\":\"conditional\",\"outputs\":{\"true\":{\"elementId\":\"e\"}}},"
                + "{\"id\":\"e\",\"type\":\"end\"}]|body.elements.1.outputs",
        "percentages under 100 without else|[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":"
                + "{\"elementId\":\"p\"}}},{\"id\":\"p\",\"type\":\"percentage\",\"outputs\":{\"30%\":{\"elementId\":"
                + "\"e\"}}},{\"id\":\"e\",\"type\":\"end\"}]|body.elements.1.outputs",
        "unknown provider|[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"m\"}}},"
                + "{\"id\":\"m\",\"type\":\"model\",\"properties\":{\"provider\":\"nope\",\"model\":\"x\"},"
                + "\"outputs\":{\"success\":{\"elementId\":\"e\"}}},{\"id\":\"e\",\"type\":\"end\"}]"
                + "|body.elements.1.properties.provider",
        "duplicate ids|[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"e\"}}},"
                + "{\"id\":\"e\",\"type\":\"end\"},{\"id\":\"e\",\"type\":\"end\"}]|body.elements.2.id",
    })
    void graphErrorsRefuseACreate(String ignored, String elements, String dottedPaths) {
        assertValidationErrors(api.post(ROUTES, "{\"name\":\"r\",\"elements\":" + elements + "}"),
                dottedPaths.split(";"));
        assertThat(api.sendWithoutEnvelope("GET", ROUTES, null).json().get("data").get("routes")).isEmpty();
    }

    @Test
    void aDuplicateNameIsRefusedOnCreateAndRename() {
        create("taken", TWO_MODELS);
        String other = create("other", TWO_MODELS).get("id").asText();

        assertValidationError(api.post(ROUTES, "{\"name\":\"taken\",\"elements\":" + ONE_MODEL + "}"),
                "body", "name");
        assertValidationError(api.send("PATCH", ROUTES + "/" + other,
                BodyPublishers.ofString("{\"name\":\"taken\"}")), "body", "name");
    }

    @Test
    void createVersionAndDeploymentValidateTheirBodies() {
        String id = create("r", TWO_MODELS).get("id").asText();

        assertValidationError(api.post(ROUTES + "/" + id + "/versions", "{}"), "body", "elements");
        assertValidationError(api.post(ROUTES + "/" + id + "/versions",
                "{\"elements\":[{\"id\":\"m\",\"type\":\"model\",\"properties\":{\"timeout\":\"1s\"}}]}"),
                "body", "elements", "0", "properties", "timeout");
        assertValidationError(api.post(ROUTES + "/" + id + "/deployments", "{}"), "body", "version_id");
        assertValidationError(api.sendWithoutEnvelope("GET", ROUTES + "?per_page=101", null), "query", "per_page");
    }

    @Test
    void unknownRoutesVersionsAndGatewaysAreNotFound() {
        String id = create("r", TWO_MODELS).get("id").asText();
        String missing = ROUTES + "/00000000-0000-4000-8000-000000000000";

        assertNotFound(api.get(missing));
        assertNotFound(api.send("PATCH", missing, BodyPublishers.ofString("{\"name\":\"x\"}")));
        assertNotFound(api.delete(missing));
        assertNotFound(api.post(missing + "/versions", "{\"elements\":" + ONE_MODEL + "}"));
        assertNotFound(api.get(missing + "/versions"));
        assertNotFound(api.get(ROUTES + "/" + id + "/versions/no-such-version"));
        assertNotFound(api.post(missing + "/deployments", "{\"version_id\":\"v\"}"));
        assertNotFound(api.post(ROUTES + "/" + id + "/deployments", "{\"version_id\":\"no-such-version\"}"));
        assertNotFound(api.get(missing + "/deployments"));
        assertNotFound(api.get("/gateways/nope/routes"));
        assertNotFound(api.post("/gateways/nope/routes", "not even json"));
    }

    @Test
    void aReadTokenReadsButCannotChangeRoutes() {
        String id = create("r", TWO_MODELS).get("id").asText();
        ManagementApi reader = api.withToken("reader");

        assertOk(reader.get(ROUTES + "/" + id));
        assertThat(reader.sendWithoutEnvelope("GET", ROUTES + "/" + id + "/versions", null).status()).isEqualTo(200);
        assertFrontDoorError(reader.post(ROUTES, "{\"name\":\"x\",\"elements\":" + ONE_MODEL + "}"), 403, 10000,
                "Authentication error");
        assertFrontDoorError(reader.send("PATCH", ROUTES + "/" + id, BodyPublishers.ofString("{\"name\":\"x\"}")),
                403, 10000, "Authentication error");
        assertFrontDoorError(reader.delete(ROUTES + "/" + id), 403, 10000, "Authentication error");
        assertFrontDoorError(reader.post(ROUTES + "/" + id + "/versions", "{\"elements\":" + ONE_MODEL + "}"),
                403, 10000, "Authentication error");
        assertFrontDoorError(reader.post(ROUTES + "/" + id + "/deployments", "{\"version_id\":\"v\"}"),
                403, 10000, "Authentication error");
        assertFrontDoorError(api.withoutCredentials().get(ROUTES), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
    }
}
