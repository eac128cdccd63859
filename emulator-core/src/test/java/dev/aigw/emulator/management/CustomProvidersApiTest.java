package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertFrontDoorError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertServiceError;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Custom providers over the management API (management-api-2.md 3.2, 3.3), every response checked by the OpenAPI extract. */
@Timeout(30)
class CustomProvidersApiTest {

    private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_ACCOUNT = "fedcba9876543210fedcba9876543210";
    private static final String ACME = """
            {"name": "Acme", "slug": "acme", "base_url": "https://api.acme.example/v1",
             "headers": "{\\"x-acme-key\\": \\"k-1\\"}", "enable": true}
            """;

    private AiGatewayEmulator emulator;
    private ManagementApi admin;

    @BeforeEach
    void start() {
        emulator = AiGatewayEmulator.builder()
                .accountId(ACCOUNT)
                .account(OTHER_ACCOUNT)
                .token(new ApiToken("admin-token", Set.of(ApiToken.ANY_ACCOUNT),
                        Set.of(Permission.READ, Permission.EDIT, Permission.RUN)))
                .token(ApiToken.of("read-token", ACCOUNT, Permission.READ))
                .build().start();
        admin = ManagementApi.of(emulator).withToken("admin-token");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private JsonNode create(String body) {
        return assertOk(admin.post("/custom-providers", body));
    }

    private ApiReply patch(ManagementApi api, String id, String body) {
        return api.send("PATCH", "/custom-providers/" + id, BodyPublishers.ofString(body));
    }

    @Test
    void createAnswersTheStoredObjectWithItsHeadersAndDefaults() {
        JsonNode created = create(ACME);

        assertThat(created.get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(created.get("name").asText()).isEqualTo("Acme");
        assertThat(created.get("slug").asText()).isEqualTo("acme");
        assertThat(created.get("base_url").asText()).isEqualTo("https://api.acme.example/v1");
        assertThat(created.get("headers").asText()).isEqualTo("{\"x-acme-key\": \"k-1\"}");
        assertThat(created.get("enable").asBoolean()).isTrue();
        assertThat(created.get("beta").asBoolean()).isFalse();
        assertThat(created.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(created.get("modified_at")).isEqualTo(created.get("created_at"));
        assertThat(created.has("logo")).isTrue();
        assertThat(created.has("account_id")).isFalse();
        assertThat(assertOk(admin.get("/custom-providers/" + created.get("id").asText()))).isEqualTo(created);
    }

    @Test
    void theLegacyAccountFieldsAppearOnlyWhenAskedFor() {
        try (AiGatewayEmulator legacy = AiGatewayEmulator.builder().legacyGatewayFields(true).build().start()) {
            JsonNode created = assertOk(ManagementApi.of(legacy).post("/custom-providers", ACME));

            assertThat(created.get("account_id").asText()).isEqualTo(legacy.accountId());
            assertThat(created.get("account_tag").asText()).isEqualTo(legacy.accountId());
        }
    }

    @Test
    void listOrdersByPositionThenNameFiltersAndPages() {
        create("{\"name\":\"Zeta\",\"slug\":\"zeta\",\"base_url\":\"https://z.example\",\"position\":1}");
        create("{\"name\":\"Beta\",\"slug\":\"beta\",\"base_url\":\"https://b.example\",\"beta\":true}");
        create("{\"name\":\"Alpha\",\"slug\":\"alpha\",\"base_url\":\"https://a.example\"}");

        ApiReply all = admin.get("/custom-providers");
        assertThat(names(assertOk(all))).containsExactly("Zeta", "Alpha", "Beta");
        assertThat(all.json().get("result_info")).isEqualTo(
                json("{\"page\":1,\"per_page\":20,\"count\":3,\"total_count\":3,\"total_pages\":1}"));
        assertThat(names(assertOk(admin.get("/custom-providers?order_by=name%20DESC")))).containsExactly(
                "Zeta", "Beta", "Alpha");
        assertThat(names(assertOk(admin.get("/custom-providers?beta=true")))).containsExactly("Beta");
        assertThat(names(assertOk(admin.get("/custom-providers?search=ALP")))).containsExactly("Alpha");
        ApiReply second = admin.get("/custom-providers?per_page=2&page=2");
        assertThat(names(assertOk(second))).containsExactly("Beta");
        assertThat(second.json().get("result_info").get("total_pages").asInt()).isEqualTo(2);
    }

    @Test
    void listRefusesABadOrderAndBadPaging() {
        JsonNode error = assertServiceError(admin.get("/custom-providers?order_by=logo"), 400, 7001);
        assertThat(error.get("path")).isEqualTo(json("[\"query\",\"order_by\"]"));
        error = assertServiceError(admin.get("/custom-providers?per_page=101"), 400, 7001);
        assertThat(error.get("path")).isEqualTo(json("[\"query\",\"per_page\"]"));
    }

    @Test
    void patchChangesOnlyTheGivenMembersAndTheModificationTime() {
        JsonNode created = create(ACME);
        String id = created.get("id").asText();
        emulator.clock().advance(java.time.Duration.ofSeconds(5));

        JsonNode updated = assertOk(patch(admin, id, "{\"description\":\"the acme API\",\"logo\":\"PHN2Zz4=\"}"));

        assertThat(updated.get("description").asText()).isEqualTo("the acme API");
        assertThat(updated.get("logo").asText()).isEqualTo("PHN2Zz4=");
        assertThat(updated.get("slug")).isEqualTo(created.get("slug"));
        assertThat(updated.get("created_at")).isEqualTo(created.get("created_at"));
        assertThat(updated.get("modified_at")).isNotEqualTo(created.get("modified_at"));
    }

    @Test
    void deleteAnswersTheDeletedObjectAndForgetsIt() {
        JsonNode created = create(ACME);
        String id = created.get("id").asText();

        assertThat(assertOk(admin.delete("/custom-providers/" + id))).isEqualTo(created);

        assertNotFound(admin.get("/custom-providers/" + id));
        assertThat(assertOk(admin.get("/custom-providers")).size()).isZero();
    }

    @Test
    void aBaseUrlThatIsNotHttpsIs1002WithTheDocumentedMessage() {
        ApiReply reply = admin.post("/custom-providers",
                "{\"name\":\"Acme\",\"slug\":\"acme\",\"base_url\":\"http://api.acme.example\"}");

        JsonNode error = assertServiceError(reply, 400, 1002);
        assertThat(error).isEqualTo(json("{\"code\":1002,\"message\":\"base_url must be a valid HTTPS URL starting"
                + " with https://\",\"path\":[\"body\",\"base_url\"]}"));
        assertThat(assertOk(admin.get("/custom-providers")).size()).isZero();
    }

    @Test
    void everyBadMemberIs1002AtItsPath() {
        assertBad("{\"slug\":\"acme\",\"base_url\":\"https://a.example\"}", "name", "name is required");
        assertBad("{\"name\":\"\",\"slug\":\"acme\",\"base_url\":\"https://a.example\"}", "name", "name");
        assertBad("{\"name\":\"A\",\"slug\":\"Acme_1\",\"base_url\":\"https://a.example\"}", "slug", "slug");
        assertBad("{\"name\":\"A\",\"slug\":\"acme\",\"base_url\":\"https://a.example\",\"enable\":\"yes\"}",
                "enable", "a boolean");
        assertBad("{\"name\":\"A\",\"slug\":\"acme\",\"base_url\":\"https://a.example\",\"headers\":\"[1]\"}",
                "headers", "a JSON object of strings");
        assertBad("{\"name\":\"A\",\"slug\":\"acme\",\"base_url\":\"https://a.example\",\"headers\":\"{\\\"a\\\":1}\"}",
                "headers", "must be a string");
        assertBad("{\"name\":\"A\",\"slug\":\"acme\",\"base_url\":\"https://a.example\",\"headers\":\""
                + "x".repeat(8193) + "\"}", "headers", "8192");
        assertBad("{\"name\":\"A\",\"slug\":\"acme\",\"base_url\":\"https://a b.example\"}", "base_url",
                "valid HTTPS URL");
        assertBad("{\"name\":\"A\",\"slug\":\"acme\",\"base_url\":\"https://a.example\",\"position\":1.5}",
                "position", "an integer");
        JsonNode id = create(ACME).get("id");
        JsonNode error = assertServiceError(patch(admin, id.asText(), "{\"base_url\":\"ftp://x\"}"), 400, 1002);
        assertThat(error.get("path")).isEqualTo(json("[\"body\",\"base_url\"]"));
        error = assertServiceError(patch(admin, id.asText(), "{\"slug\":null}"), 400, 1002);
        assertThat(error.get("path")).isEqualTo(json("[\"body\",\"slug\"]"));
    }

    @Test
    void aBodyWithSeveralBadMembersNamesEachOne() {
        ApiReply reply = admin.post("/custom-providers", "{\"name\":1,\"slug\":\"UP\",\"base_url\":\"x\"}");

        assertThat(reply.status()).isEqualTo(400);
        List<String> paths = new ArrayList<>();
        for (JsonNode error : reply.json().get("errors")) {
            assertThat(error.get("code").asInt()).isEqualTo(1002);
            paths.add(error.get("path").get(1).asText());
        }
        assertThat(paths).containsExactly("name", "slug", "base_url");
    }

    @Test
    void aTakenSlugIs409With1003OnCreateAndOnPatch() {
        create(ACME);
        JsonNode other = create("{\"name\":\"Other\",\"slug\":\"other\",\"base_url\":\"https://o.example\"}");

        JsonNode error = assertServiceError(admin.post("/custom-providers", ACME), 409, 1003);
        assertThat(error).isEqualTo(json("{\"code\":1003,\"message\":\"A custom provider with this slug already"
                + " exists\",\"path\":[\"body\",\"slug\"]}"));
        assertServiceError(patch(admin, other.get("id").asText(), "{\"slug\":\"acme\"}"), 409, 1003);
        assertThat(assertOk(admin.get("/custom-providers")).size()).isEqualTo(2);
    }

    @Test
    void theSameSlugIsFreeInAnotherAccount() {
        create(ACME);

        assertOk(admin.forAccount(OTHER_ACCOUNT).post("/custom-providers", ACME));
    }

    @Test
    void anUnknownIdIs404With1004ForGetPatchAndDelete() {
        String unknown = "/custom-providers/00000000-0000-4000-8000-000000000000";

        assertNotFound(admin.get(unknown));
        assertNotFound(admin.send("PATCH", unknown, BodyPublishers.ofString("{\"name\":\"x\"}")));
        assertNotFound(admin.delete(unknown));
        String id = create(ACME).get("id").asText();
        assertNotFound(admin.forAccount(OTHER_ACCOUNT).get("/custom-providers/" + id));
    }

    @Test
    void aReadTokenListsAndGetsButCannotChange() {
        String id = create(ACME).get("id").asText();
        ManagementApi reader = admin.withToken("read-token");

        assertOk(reader.get("/custom-providers"));
        assertOk(reader.get("/custom-providers/" + id));
        assertFrontDoorError(reader.post("/custom-providers", ACME.replace("acme", "acme2")), 403, 10000,
                "Authentication error");
        assertFrontDoorError(patch(reader, id, "{\"name\":\"x\"}"), 403, 10000, "Authentication error");
        assertFrontDoorError(reader.delete("/custom-providers/" + id), 403, 10000, "Authentication error");
        assertFrontDoorError(admin.withoutCredentials().get("/custom-providers"), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertThat(assertOk(admin.get("/custom-providers")).size()).isEqualTo(1);
    }

    private void assertBad(String body, String member, String messagePart) {
        ApiReply reply = admin.post("/custom-providers", body);
        JsonNode error = assertServiceError(reply, 400, 1002);
        assertThat(error.get("path")).as("path of %s", reply).isEqualTo(json("[\"body\",\"" + member + "\"]"));
        assertThat(error.get("message").asText()).as("message of %s", reply).contains(member).contains(messagePart);
    }

    private static void assertNotFound(ApiReply reply) {
        assertThat(assertServiceError(reply, 404, 1004)).isEqualTo(
                json("{\"code\":1004,\"message\":\"Custom Provider not found\"}"));
    }

    private static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.forEach(p -> names.add(p.get("name").asText()));
        return names;
    }
}
