package dev.aigw.emulator.evaluation;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertFrontDoorError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertNotFound;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertPage;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertServiceError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationErrors;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.ManagementApi;
import dev.aigw.emulator.testsupport.SdkShapes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Datasets over the management API (management-api-2.md 5.1): D2, D4 and D5 checked by the OpenAPI extract, D1 and
 * D3 by the fixture written from the SDK typings.
 */
@Timeout(30)
class DatasetsApiTest {

    static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    static final String OTHER_ACCOUNT = "fedcba9876543210fedcba9876543210";
    private static final String OPENAI = """
            {"name": "openai traffic", "enable": true,
             "filters": [{"key": "provider", "operator": "eq", "value": ["openai"]},
                         {"key": "cost", "operator": "gt", "value": [0.0001]}]}
            """;

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-06-01T09:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder()
            .clock(clock)
            .accountId(ACCOUNT)
            .account(OTHER_ACCOUNT)
            .token(ApiToken.of("admin-token", ACCOUNT, Permission.READ, Permission.EDIT))
            .token(ApiToken.of("read-token", ACCOUNT, Permission.READ))
            .token(ApiToken.of("run-token", ACCOUNT, Permission.RUN))
            .token(ApiToken.of("other-token", OTHER_ACCOUNT, Permission.READ, Permission.EDIT))
            .gateway("gw")
            .build().start();
    private final ManagementApi admin = ManagementApi.of(emulator).withToken("admin-token");

    @AfterEach
    void close() {
        emulator.close();
    }

    private JsonNode create(String body) {
        return assertOk(admin.post("/gateways/gw/datasets", body));
    }

    private JsonNode get(String id) {
        return SdkShapes.checkEvaluations("datasets.get.result", assertOk(admin.get("/gateways/gw/datasets/" + id)));
    }

    private JsonNode list(String query) {
        return SdkShapes.checkEvaluations("datasets.list.result", assertOk(admin.get("/gateways/gw/datasets" + query)));
    }

    @Test
    void createAnswersTheStoredDatasetAndGetReadsItBack() {
        JsonNode created = create(OPENAI);

        assertThat(created.get("id").textValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(created).isEqualTo(json("""
                {"id": "%s", "gateway_id": "gw", "name": "openai traffic", "enable": true,
                 "filters": [{"key": "provider", "operator": "eq", "value": ["openai"]},
                             {"key": "cost", "operator": "gt", "value": [0.0001]}],
                 "created_at": "2026-06-01T09:00:00.000Z", "modified_at": "2026-06-01T09:00:00.000Z"}
                """.formatted(created.get("id").textValue())));
        assertThat(get(created.get("id").textValue())).isEqualTo(created);
    }

    @Test
    void anEmptyFilterListIsAcceptedAndEveryValueTypeOfTheSdkToo() {
        create("{\"name\":\"everything\",\"enable\":false,\"filters\":[]}");

        JsonNode mixed = create("""
                {"name": "mixed", "enable": true, "filters": [
                  {"key": "success", "operator": "eq", "value": [true]},
                  {"key": "model", "operator": "contains", "value": ["gpt", "claude"]},
                  {"key": "created_at", "operator": "gt", "value": ["2026-01-01T00:00:00Z"]},
                  {"key": "tokens", "operator": "lt", "value": [1000]}]}
                """);

        assertThat(mixed.get("filters")).hasSize(4);
        assertThat(list("")).hasSize(2);
    }

    @Test
    void listIsNewestFirstFiltersByEnableNameAndSearchAndPages() {
        create("{\"name\":\"alpha\",\"enable\":true,\"filters\":[]}");
        clock.advance(Duration.ofSeconds(1));
        create("{\"name\":\"beta\",\"enable\":false,\"filters\":[{\"key\":\"model\",\"operator\":\"eq\","
                + "\"value\":[\"gpt-4o-mini\"]}]}");
        clock.advance(Duration.ofSeconds(1));
        String gammaId = create("{\"name\":\"gamma\",\"enable\":true,\"filters\":[]}").get("id").textValue();

        assertThat(names(list(""))).containsExactly("gamma", "beta", "alpha");
        assertThat(names(list("?enable=true"))).containsExactly("gamma", "alpha");
        assertThat(names(list("?name=beta"))).containsExactly("beta");
        assertThat(names(list("?name=BETA"))).isEmpty();
        assertThat(names(list("?search=GPT-4o"))).as("the filters' JSON").containsExactly("beta");
        assertThat(names(list("?search=" + gammaId.substring(0, 8)))).containsExactly("gamma");
        assertThat(names(list("?search=alp"))).containsExactly("alpha");
        assertThat(names(assertPage(admin.get("/gateways/gw/datasets?per_page=2&page=2"), 2, 2, 1, 3)))
                .containsExactly("alpha");
        assertPage(admin.get("/gateways/gw/datasets?page=5"), 5, 20, 0, 3);
    }

    @Test
    void listRefusesBadPagingAndABadEnableByName() {
        assertValidationError(admin.get("/gateways/gw/datasets?per_page=101"), "query", "per_page");
        assertValidationError(admin.get("/gateways/gw/datasets?page=0"), "query", "page");
        assertValidationError(admin.get("/gateways/gw/datasets?enable=yes"), "query", "enable");
    }

    @Test
    void updateReplacesNameFiltersAndEnableAndStampsTheModification() {
        JsonNode created = create(OPENAI);
        String id = created.get("id").textValue();
        clock.advance(Duration.ofMinutes(5));

        JsonNode updated = assertOk(admin.put("/gateways/gw/datasets/" + id,
                "{\"name\":\"renamed\",\"enable\":false,\"filters\":[]}"));

        assertThat(updated).isEqualTo(json("""
                {"id": "%s", "gateway_id": "gw", "name": "renamed", "enable": false, "filters": [],
                 "created_at": "2026-06-01T09:00:00.000Z", "modified_at": "2026-06-01T09:05:00.000Z"}
                """.formatted(id)));
        assertThat(get(id)).isEqualTo(updated);
    }

    @Test
    void updateNeedsAllThreeMembers() {
        String id = create(OPENAI).get("id").textValue();

        assertValidationErrors(admin.put("/gateways/gw/datasets/" + id, "{\"name\":\"x\"}"),
                "body.enable", "body.filters");
        assertThat(get(id).get("name").textValue()).isEqualTo("openai traffic");
    }

    @Test
    void deleteAnswersTheDeletedDatasetAndForgetsIt() {
        JsonNode created = create(OPENAI);
        String id = created.get("id").textValue();

        assertThat(assertOk(admin.delete("/gateways/gw/datasets/" + id))).isEqualTo(created);

        assertNotFound(admin.get("/gateways/gw/datasets/" + id));
        assertNotFound(admin.delete("/gateways/gw/datasets/" + id));
        assertThat(list("")).isEmpty();
    }

    @Test
    void aMissingMemberIsNamedByItsPath() {
        assertValidationErrors(admin.post("/gateways/gw/datasets", "{}"), "body.name", "body.enable", "body.filters");
        assertValidationError(admin.post("/gateways/gw/datasets", "{\"name\":\"\",\"enable\":true,\"filters\":[]}"),
                "body", "name");
        assertValidationError(admin.post("/gateways/gw/datasets", "{\"name\":\"a\",\"enable\":\"yes\",\"filters\":[]}"),
                "body", "enable");
        assertValidationError(admin.post("/gateways/gw/datasets", "{\"name\":\"a\",\"enable\":true,\"filters\":{}}"),
                "body", "filters");
        assertValidationError(admin.post("/gateways/gw/datasets", "[1]"), "body");
        assertThat(list("")).isEmpty();
    }

    @Test
    void aBadFilterIsNamedByItsIndexAndMember() {
        JsonNode error = assertValidationError(bad("{\"key\":\"modle\",\"operator\":\"eq\",\"value\":[\"x\"]}"),
                "body", "filters", "0", "key");
        assertThat(error.get("message").textValue()).contains("did you mean \"model\"?");
        assertValidationError(bad("{\"key\":\"model\",\"operator\":\"neq\",\"value\":[\"x\"]}"),
                "body", "filters", "0", "operator");
        assertValidationError(bad("{\"key\":\"model\",\"operator\":\"eq\",\"value\":[]}"),
                "body", "filters", "0", "value");
        assertValidationError(bad("{\"key\":\"model\",\"operator\":\"eq\",\"value\":\"x\"}"),
                "body", "filters", "0", "value");
        assertValidationError(bad("{\"key\":\"model\",\"operator\":\"eq\"}"), "body", "filters", "0", "value");
        assertValidationError(bad("\"provider=openai\""), "body", "filters", "0");
        assertValidationErrors(admin.post("/gateways/gw/datasets", "{\"name\":\"a\",\"enable\":true,\"filters\":["
                + "{\"key\":\"model\",\"operator\":\"eq\",\"value\":[\"ok\"]},"
                + "{\"key\":\"bogus\",\"operator\":\"like\",\"value\":[1]}]}"),
                "body.filters.1.key", "body.filters.1.operator");
        assertThat(list("")).isEmpty();
    }

    @Test
    void anOperatorThatDoesNotFitTheKeysTypeIsRefusedAtTheOperator() {
        JsonNode ordered = assertValidationError(bad("{\"key\":\"provider\",\"operator\":\"lt\",\"value\":[\"a\"]}"),
                "body", "filters", "0", "operator");
        assertThat(ordered.get("message").textValue()).contains("provider takes eq or contains");
        JsonNode text = assertValidationError(bad("{\"key\":\"cost\",\"operator\":\"contains\",\"value\":[1]}"),
                "body", "filters", "0", "operator");
        assertThat(text.get("message").textValue()).contains("cost takes eq, lt or gt");
        assertValidationError(bad("{\"key\":\"success\",\"operator\":\"gt\",\"value\":[true]}"),
                "body", "filters", "0", "operator");
        assertValidationError(bad("{\"key\":\"cached\",\"operator\":\"contains\",\"value\":[true]}"),
                "body", "filters", "0", "operator");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedAtItsIndex() {
        assertValidationError(bad("{\"key\":\"cost\",\"operator\":\"gt\",\"value\":[1, \"cheap\"]}"),
                "body", "filters", "0", "value", "1");
        assertValidationError(bad("{\"key\":\"success\",\"operator\":\"eq\",\"value\":[\"maybe\"]}"),
                "body", "filters", "0", "value", "0");
        assertValidationError(bad("{\"key\":\"created_at\",\"operator\":\"gt\",\"value\":[\"yesterday\"]}"),
                "body", "filters", "0", "value", "0");
        assertValidationError(bad("{\"key\":\"model\",\"operator\":\"eq\",\"value\":[null]}"),
                "body", "filters", "0", "value", "0");
        assertValidationError(bad("{\"key\":\"model\",\"operator\":\"eq\",\"value\":[[\"nested\"]]}"),
                "body", "filters", "0", "value", "0");
    }

    @Test
    void aSecondDatasetWithTheSameNameIsRefusedOnCreateAndUpdate() {
        create(OPENAI);
        String other = create("{\"name\":\"other\",\"enable\":true,\"filters\":[]}").get("id").textValue();

        JsonNode error = assertServiceError(admin.post("/gateways/gw/datasets", OPENAI), 400, 7001);
        assertThat(error).isEqualTo(json("{\"code\":7001,\"message\":\"A dataset with this id already exists\","
                + "\"path\":[\"body\",\"name\"]}"));
        assertServiceError(admin.put("/gateways/gw/datasets/" + other, OPENAI), 400, 7001);
        assertThat(names(list(""))).containsExactlyInAnyOrder("openai traffic", "other");
        emulator.createGateway("gw2");
        assertOk(admin.post("/gateways/gw2/datasets", OPENAI));
    }

    @Test
    void anUnknownGatewayOrDatasetIsNotFoundBeforeTheBodyIsRead() {
        String unknown = "/gateways/gw/datasets/00000000-0000-4000-8000-000000000000";
        assertNotFound(admin.get(unknown));
        assertNotFound(admin.put(unknown, "{}"));
        assertNotFound(admin.delete(unknown));
        assertNotFound(admin.get("/gateways/nope/datasets"));
        assertNotFound(admin.post("/gateways/nope/datasets", "{}"));
        assertNotFound(admin.get("/gateways/NOT_VALID/datasets"));
        String id = create(OPENAI).get("id").textValue();
        emulator.createGateway("gw2");
        assertNotFound(admin.get("/gateways/gw2/datasets/" + id));
    }

    @Test
    void aGatewayDeletedAndCreatedAgainHasNoDatasets() {
        create(OPENAI);

        emulator.deleteGateway("gw");
        emulator.createGateway("gw");

        assertThat(list("")).isEmpty();
    }

    @Test
    void readsNeedReadAndWritesNeedEdit() {
        String id = create(OPENAI).get("id").textValue();
        ManagementApi reader = admin.withToken("read-token");

        assertOk(reader.get("/gateways/gw/datasets"));
        assertOk(reader.get("/gateways/gw/datasets/" + id));
        assertFrontDoorError(reader.post("/gateways/gw/datasets", OPENAI.replace("openai traffic", "x")), 403, 10000,
                "Authentication error");
        assertFrontDoorError(reader.put("/gateways/gw/datasets/" + id, OPENAI), 403, 10000, "Authentication error");
        assertFrontDoorError(reader.delete("/gateways/gw/datasets/" + id), 403, 10000, "Authentication error");
        assertFrontDoorError(admin.withToken("run-token").get("/gateways/gw/datasets"), 403, 10000,
                "Authentication error");
        assertFrontDoorError(admin.withToken("other-token").get("/gateways/gw/datasets"), 403, 9109,
                "Unauthorized to access requested resource");
        assertFrontDoorError(admin.withToken("unknown").get("/gateways/gw/datasets"), 403, 9109,
                "Invalid access token");
        assertFrontDoorError(admin.withoutCredentials().post("/gateways/gw/datasets", OPENAI), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertThat(list("")).hasSize(1);
    }

    @Test
    void aMethodTheResourceDoesNotHaveIs405() {
        assertFrontDoorError(admin.send("PATCH", "/gateways/gw/datasets/x",
                java.net.http.HttpRequest.BodyPublishers.ofString("{}")), 405, 10405, "Method not allowed");
    }

    private ApiReply bad(String filter) {
        return admin.post("/gateways/gw/datasets", "{\"name\":\"bad\",\"enable\":true,\"filters\":[" + filter + "]}");
    }

    static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.forEach(d -> names.add(d.get("name").textValue()));
        return names;
    }
}
