package dev.aigw.emulator.byok;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertFrontDoorError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertNotFound;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertPage;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertServiceError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static dev.aigw.emulator.testsupport.ApiAssertions.fieldNames;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Provider configs over the management API (management-api-2.md 2.2, P1 to P4): every answer is validated against
 * the official OpenAPI extract by {@link ManagementApi}.
 */
@Timeout(30)
class ProviderConfigsApiTest {

    private static final Instant T0 = Instant.parse("2026-08-01T10:15:30.123Z");
    private static final String CONFIGS = "/gateways/gw/provider_configs";

    private final VirtualClock clock = VirtualClock.startingAt(T0);
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).account("second-account")
            .token(new ApiToken("admin", Set.of(ApiToken.ANY_ACCOUNT), EnumSet.allOf(Permission.class)))
            .token(ApiToken.of("reader", AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.READ))
            .build().start();
    private final ManagementApi api = ManagementApi.of(emulator);

    @BeforeEach
    void gateway() {
        api.createGateway(GatewayBodies.minimal("gw"));
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private JsonNode create(String body) {
        return assertOk(api.post(CONFIGS, body));
    }

    @Test
    void createAnswersTheConfigWithAPreviewAndNeverTheKey() {
        ApiReply reply = api.post(CONFIGS, """
                {"provider_slug": "openai", "alias": "default", "default_config": true,
                 "secret": "sk-test-team-a-0123456789wxyz"}
                """);

        JsonNode result = assertOk(reply);
        assertThat(fieldNames(result)).containsExactly("id", "gateway_id", "provider_slug", "alias", "default_config",
                "secret_id", "secret_preview", "modified_at");
        assertThat(result.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(result.get("secret_id").asText()).matches("[0-9a-f]{32}");
        assertThat(result.get("gateway_id").asText()).isEqualTo("gw");
        assertThat(result.get("secret_preview").asText()).isEqualTo("sk-...wxyz");
        assertThat(result.get("modified_at").asText()).isEqualTo("2026-08-01T10:15:30.123Z");
        assertThat(result.toString()).doesNotContain("sk-test-team-a");
        assertThat(assertOk(api.get(CONFIGS)).toString()).doesNotContain("sk-test-team-a");
    }

    @Test
    void createWithARateLimitAnswersItWithItsPeriodDefaultingToSixtySeconds() {
        JsonNode result = create("""
                {"provider_slug": "anthropic", "alias": "team-b", "default_config": false, "secret": "sk-ant-0123456789",
                 "rate_limit": 10}
                """);

        assertThat(result.get("rate_limit").asLong()).isEqualTo(10);
        assertThat(result.get("rate_limit_period").asLong()).isEqualTo(60);
    }

    @Test
    void createWithBothSecretAndSecretIdStoresTheKeyUnderThatId() {
        JsonNode result = create("""
                {"provider_slug": "openai", "alias": "a", "default_config": false, "secret": "sk-abcdefghijkl",
                 "secret_id": "0123456789abcdef0123456789abcdef"}
                """);

        assertThat(result.get("secret_id").asText()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(result.get("secret_preview").asText()).isEqualTo("sk-...ijkl");
    }

    @Test
    void createAcceptsACustomProviderSlugThatDoesNotExistYet() {
        assertThat(create("""
                {"provider_slug": "custom-my-llm", "alias": "default", "default_config": false, "secret": "k-123456789"}
                """).get("provider_slug").asText()).isEqualTo("custom-my-llm");
    }

    @Test
    void aNewDefaultConfigClearsTheFlagOnTheProvidersOtherConfigsOnly() {
        String first = create("""
                {"provider_slug": "openai", "alias": "a", "default_config": true, "secret": "sk-aaaaaaaaaa"}
                """).get("id").asText();
        String anthropic = create("""
                {"provider_slug": "anthropic", "alias": "a", "default_config": true, "secret": "sk-aaaaaaaaaa"}
                """).get("id").asText();
        clock.advance(Duration.ofSeconds(1));
        create("""
                {"provider_slug": "openai", "alias": "b", "default_config": true, "secret": "sk-bbbbbbbbbb"}
                """);

        JsonNode list = assertOk(api.get(CONFIGS));
        for (JsonNode c : list) {
            boolean expected = !c.get("id").asText().equals(first);
            assertThat(c.get("default_config").asBoolean()).as("%s", c).isEqualTo(expected);
        }
        assertThat(list.toString()).contains(anthropic);
    }

    @Test
    void listIsNewestFirstAndPaged() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(0, create("{\"provider_slug\": \"openai\", \"alias\": \"k" + i
                    + "\", \"default_config\": false, \"secret\": \"sk-0123456789\"}").get("id").asText());
            clock.advance(Duration.ofSeconds(1));
        }

        JsonNode page1 = assertPage(api.get(CONFIGS + "?per_page=2"), 1, 2, 2, 3);
        JsonNode page2 = assertPage(api.get(CONFIGS + "?per_page=2&page=2"), 2, 2, 1, 3);

        assertThat(List.of(page1.get(0).get("id").asText(), page1.get(1).get("id").asText(),
                page2.get(0).get("id").asText())).isEqualTo(ids);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"alias\": \"a\", \"default_config\": true, \"secret\": \"sk-1\"}|provider_slug",
            "{\"provider_slug\": \"openai\", \"default_config\": true, \"secret\": \"sk-1\"}|alias",
            "{\"provider_slug\": \"openai\", \"alias\": \"a\", \"secret\": \"sk-1\"}|default_config",
            "{\"provider_slug\": \"openai\", \"alias\": \"a\", \"default_config\": true}|secret",
            "{\"provider_slug\": \"openai\", \"alias\": \"a\", \"default_config\": true, \"secret\": \"\"}|secret",
            "{\"provider_slug\": \"openai\", \"alias\": \"\", \"default_config\": true, \"secret\": \"sk-1\"}|alias",
            "{\"provider_slug\": \"no-such-provider\", \"alias\": \"a\", \"default_config\": true, \"secret\": \"sk\"}"
                    + "|provider_slug",
            "{\"provider_slug\": \"openai\", \"alias\": \"a\", \"default_config\": \"yes\", \"secret\": \"sk\"}"
                    + "|default_config",
            "{\"provider_slug\": \"openai\", \"alias\": \"a\", \"default_config\": true, \"secret_id\": \"XYZ\"}"
                    + "|secret_id",
            "{\"provider_slug\": \"openai\", \"alias\": \"a\", \"default_config\": true, \"secret\": \"sk\","
                    + " \"rate_limit\": 0}|rate_limit",
            "{\"provider_slug\": \"openai\", \"alias\": \"a\", \"default_config\": true, \"secret\": \"sk\","
                    + " \"rate_limit\": 5, \"rate_limit_period\": -1}|rate_limit_period"})
    void createRefusesABadBodyAtTheMember(String body, String member) {
        assertValidationError(api.post(CONFIGS, body), "body", member);
        assertThat(assertOk(api.get(CONFIGS))).isEmpty();
    }

    @Test
    void aSecondConfigWithTheSameProviderAndAliasIsRefused() {
        String body = "{\"provider_slug\": \"openai\", \"alias\": \"team-a\", \"default_config\": false,"
                + " \"secret\": \"sk-0123456789\"}";
        create(body);

        JsonNode error = assertServiceError(api.post(CONFIGS, body), 400, 7001);

        assertThat(error).isEqualTo(json("""
                {"code": 7001, "message": "A provider config with alias 'team-a' already exists for 'openai'",
                 "path": ["body", "alias"]}
                """));
        create(body.replace("openai", "anthropic"));
    }

    @Test
    void rotateReplacesThePreviewAndModifiedAtOnly() {
        JsonNode created = create("""
                {"provider_slug": "openai", "alias": "a", "default_config": true, "secret": "sk-old-0123456789"}
                """);
        clock.advance(Duration.ofMinutes(1));

        JsonNode rotated = assertOk(api.put(CONFIGS + "/" + created.get("id").asText(),
                "{\"secret\": \"sk-new-abcdefghij\"}"));

        assertThat(rotated.get("secret_preview").asText()).isEqualTo("sk-...ghij");
        assertThat(rotated.get("modified_at").asText()).isEqualTo("2026-08-01T10:16:30.123Z");
        assertThat(rotated.get("secret_id")).isEqualTo(created.get("secret_id"));
        assertThat(rotated.get("alias")).isEqualTo(created.get("alias"));
        assertThat(rotated.toString()).doesNotContain("sk-new-abcdefghij");
    }

    @Test
    void rotateRefusesAMissingOrEmptySecret() {
        String id = create("""
                {"provider_slug": "openai", "alias": "a", "default_config": true, "secret": "sk-old-0123456789"}
                """).get("id").asText();

        assertValidationError(api.put(CONFIGS + "/" + id, "{}"), "body", "secret");
        assertValidationError(api.put(CONFIGS + "/" + id, "{\"secret\": \"\"}"), "body", "secret");
    }

    @Test
    void deleteAnswersTheConfigAsItWasAndItIsGone() {
        JsonNode created = create("""
                {"provider_slug": "openai", "alias": "a", "default_config": true, "secret": "sk-old-0123456789"}
                """);
        String path = CONFIGS + "/" + created.get("id").asText();

        assertThat(assertOk(api.delete(path))).isEqualTo(created);
        assertThat(assertOk(api.get(CONFIGS))).isEmpty();
        assertNotFound(api.delete(path));
    }

    @Test
    void unknownConfigsAndGatewaysAreNotFound() {
        assertNotFound(api.put(CONFIGS + "/no-such-id", "{\"secret\": \"sk-1\"}"));
        assertNotFound(api.put(CONFIGS + "/no-such-id", "{}"));
        assertNotFound(api.delete(CONFIGS + "/no-such-id"));
        assertNotFound(api.get("/gateways/nope/provider_configs"));
        assertNotFound(api.post("/gateways/nope/provider_configs", "{}"));
    }

    @Test
    void getOfOneConfigIsNotAnOperation() {
        String id = create("""
                {"provider_slug": "openai", "alias": "a", "default_config": true, "secret": "sk-old-0123456789"}
                """).get("id").asText();

        assertFrontDoorError(api.get(CONFIGS + "/" + id), 405, 10405, "Method not allowed");
    }

    @Test
    void listNeedsReadAndWritesNeedEdit() {
        String id = create("""
                {"provider_slug": "openai", "alias": "a", "default_config": true, "secret": "sk-old-0123456789"}
                """).get("id").asText();
        ManagementApi reader = api.withToken("reader");

        assertOk(reader.get(CONFIGS));
        assertFrontDoorError(reader.post(CONFIGS, "{}"), 403, 10000, "Authentication error");
        assertFrontDoorError(reader.put(CONFIGS + "/" + id, "{\"secret\": \"sk-x\"}"), 403, 10000,
                "Authentication error");
        assertFrontDoorError(reader.send("DELETE", CONFIGS + "/" + id, HttpRequest.BodyPublishers.noBody()), 403,
                10000, "Authentication error");
        assertFrontDoorError(api.withoutCredentials().get(CONFIGS), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertThat(assertOk(api.get(CONFIGS))).hasSize(1);
    }

    @Test
    void deletingTheGatewayDeletesItsConfigs() {
        create("""
                {"provider_slug": "openai", "alias": "a", "default_config": true, "secret": "sk-old-0123456789"}
                """);

        assertOk(api.delete("/gateways/gw"));
        api.createGateway(GatewayBodies.minimal("gw"));

        assertThat(assertOk(api.get(CONFIGS))).isEmpty();
    }

    @Test
    void configsOfOtherAccountsAreInvisible() {
        assertNotFound(api.forAccount("second-account").get(CONFIGS));
    }
}
