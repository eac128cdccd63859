package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertNotFound;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.fieldNames;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The life cycle of one gateway over HTTP: create, get, update, delete and its URL (management-api.md G2-G6). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GatewayCrudTest {

    private static final Instant T0 = Instant.parse("2026-08-01T10:15:30.123Z");

    private final VirtualClock clock = VirtualClock.startingAt(T0);
    private AiGatewayEmulator emulator;
    private ManagementApi api;

    @BeforeEach
    void start() {
        emulator = AiGatewayEmulator.builder().clock(clock).build().start();
        api = ManagementApi.of(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** The full gateway a create of {@link GatewayBodies#full} answers: the body, plus the read-only members. */
    private static ObjectNode fullGateway(String id, String createdAt, String modifiedAt) {
        ObjectNode expected = (ObjectNode) json(GatewayBodies.full(id));
        expected.put("created_at", createdAt).put("modified_at", modifiedAt).put("is_default", false);
        return expected;
    }

    @Test
    void createWithMinimalBodyAnswersTheStoredGatewayWithEveryDefault() {
        ApiReply reply = api.post("/gateways", GatewayBodies.minimal("my-gateway"));

        assertOk(reply);
        assertThat(reply.json()).isEqualTo(json("""
                {"success": true, "errors": [], "messages": [], "result": {
                  "id": "my-gateway",
                  "authentication": false,
                  "byok_only": false,
                  "cache_invalidate_on_update": true,
                  "cache_ttl": 0,
                  "collect_logs": true,
                  "created_at": "2026-08-01T10:15:30.123Z",
                  "is_default": false,
                  "logpush": false,
                  "modified_at": "2026-08-01T10:15:30.123Z",
                  "rate_limiting_interval": 0,
                  "rate_limiting_limit": 0,
                  "rate_limiting_technique": "fixed",
                  "workers_ai_billing_mode": "postpaid",
                  "zdr": false}}
                """));
        assertThat(fieldNames(reply.result())).containsExactly("id", "authentication", "byok_only", "cache_invalidate_on_update",
                "cache_ttl", "collect_logs", "created_at", "is_default", "logpush", "modified_at",
                "rate_limiting_interval", "rate_limiting_limit", "rate_limiting_technique", "workers_ai_billing_mode",
                "zdr");
    }

    @Test
    void createWithEveryFieldEchoesEveryFieldIdFirstThenAlphabetically() {
        ApiReply reply = api.post("/gateways", GatewayBodies.full("full-gateway"));

        JsonNode result = assertOk(reply);
        assertThat(result).isEqualTo(
                fullGateway("full-gateway", "2026-08-01T10:15:30.123Z", "2026-08-01T10:15:30.123Z"));
        assertThat(fieldNames(result)).containsExactly("id", "authentication", "byok_only", "cache_invalidate_on_update",
                "cache_ttl", "collect_logs", "created_at", "dlp", "guardrails", "is_default", "log_classification",
                "log_management", "log_management_strategy", "logpush", "logpush_public_key", "modified_at", "otel",
                "rate_limiting_interval", "rate_limiting_limit", "rate_limiting_technique", "retry_backoff",
                "retry_delay", "retry_max_attempts", "spend_limits", "store_id", "stripe", "workers_ai_billing_mode",
                "zdr");
        assertThat(result.get("logpush_public_key").asText()).contains("\n");
    }

    @Test
    void createAcceptsTheLegacyFormOfDlp() {
        String body = GatewayBodies.minimal("legacy-dlp").replace("}", ","
                + "\"dlp\": {\"enabled\": false, \"action\": \"FLAG\", \"profiles\": [\"p1\", \"p2\"]}}");

        JsonNode result = api.createGateway(body);

        assertThat(result.get("dlp")).isEqualTo(json("""
                {"enabled": false, "action": "FLAG", "profiles": ["p1", "p2"]}
                """));
    }

    @Test
    void createWithExplicitNullsAnswersThemAsNullAndNullTechniqueAsFixed() {
        JsonNode result = api.createGateway("""
                {"id": "nulls", "cache_invalidate_on_update": false, "cache_ttl": null, "collect_logs": false,
                 "rate_limiting_interval": null, "rate_limiting_limit": null, "rate_limiting_technique": null,
                 "log_management": null, "log_management_strategy": null, "logpush_public_key": null,
                 "retry_max_attempts": null, "retry_delay": null, "retry_backoff": null, "store_id": null,
                 "guardrails": null, "otel": null, "spend_limits": null, "stripe": null}
                """);

        assertThat(result).isEqualTo(json("""
                {"id": "nulls", "authentication": false, "byok_only": false, "cache_invalidate_on_update": false, "cache_ttl": null,
                 "collect_logs": false, "created_at": "2026-08-01T10:15:30.123Z", "guardrails": null,
                 "is_default": false, "log_management": null, "log_management_strategy": null, "logpush": false,
                 "logpush_public_key": null, "modified_at": "2026-08-01T10:15:30.123Z", "otel": null,
                 "rate_limiting_interval": null, "rate_limiting_limit": null, "rate_limiting_technique": "fixed",
                 "retry_backoff": null, "retry_delay": null, "retry_max_attempts": null, "spend_limits": null,
                 "store_id": null, "stripe": null, "workers_ai_billing_mode": "postpaid", "zdr": false}
                """));
    }

    @Test
    void createIgnoresUnknownAndReadOnlyMembers() {
        String body = GatewayBodies.minimal("ignores-extras").replace("}", ","
                + "\"unknown_member\": 1, \"created_at\": \"2020-01-01T00:00:00.000Z\","
                + " \"modified_at\": \"2020-01-01T00:00:00.000Z\", \"is_default\": true,"
                + " \"account_id\": \"someone-else\", \"internal_id\": \"x\"}");

        JsonNode result = api.createGateway(body);

        assertThat(result.get("created_at").asText()).isEqualTo("2026-08-01T10:15:30.123Z");
        assertThat(result.get("modified_at").asText()).isEqualTo("2026-08-01T10:15:30.123Z");
        assertThat(result.get("is_default").booleanValue()).isFalse();
        assertThat(fieldNames(result)).doesNotContain("unknown_member", "account_id", "account_tag", "internal_id");
    }

    @Test
    void createOfIdDefaultMakesTheDefaultGateway() {
        JsonNode result = api.createGateway(GatewayBodies.minimal("default"));

        assertThat(result.get("is_default").booleanValue()).isTrue();
        assertThat(api.fetchGateway("default").get("is_default").booleanValue()).isTrue();
    }

    @Test
    void createWithSixtyFourCharacterIdIsAccepted() {
        String id = "a".repeat(32) + "-" + "b".repeat(31);

        assertThat(api.createGateway(GatewayBodies.minimal(id)).get("id").asText()).isEqualTo(id);
        assertThat(api.gatewayIds()).containsExactly(id);
    }

    @Test
    void legacyGatewayFieldsCarryTheAccountAndAStableInternalId() {
        try (AiGatewayEmulator legacy = AiGatewayEmulator.builder().clock(clock).legacyGatewayFields(true).build()
                .start()) {
            ManagementApi legacyApi = ManagementApi.of(legacy);

            JsonNode created = legacyApi.createGateway(GatewayBodies.minimal("old-style"));
            clock.advance(Duration.ofMinutes(1));
            JsonNode updated = assertOk(legacyApi.put("/gateways/old-style", """
                    {"cache_invalidate_on_update": false, "cache_ttl": 1, "collect_logs": true,
                     "rate_limiting_interval": 0, "rate_limiting_limit": 0}
                    """));

            assertThat(created.get("account_id").asText()).isEqualTo(legacy.accountId());
            assertThat(created.get("account_tag").asText()).isEqualTo(legacy.accountId());
            assertThat(created.get("internal_id").asText())
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(updated.get("internal_id")).isEqualTo(created.get("internal_id"));
            assertThat(fieldNames(created)).containsSubsequence("id", "account_id", "account_tag",
                    "authentication", "internal_id", "is_default");
        }
    }

    @Test
    void getAnswersExactlyWhatCreateAnsweredLaterToo() {
        JsonNode created = api.createGateway(GatewayBodies.full("full-gateway"));
        clock.advance(Duration.ofHours(5));

        ApiReply reply = api.get("/gateways/full-gateway");

        assertThat(assertOk(reply)).isEqualTo(created);
        assertThat(fieldNames(reply.result())).isEqualTo(fieldNames(created));
    }

    @Test
    void updateReplacesRequiredFieldsKeepsAbsentOptionalOnesAndClearsExplicitNulls() {
        api.createGateway(GatewayBodies.full("full-gateway"));
        clock.advance(Duration.ofSeconds(90));

        ApiReply reply = api.put("/gateways/full-gateway", """
                {"cache_invalidate_on_update": false, "cache_ttl": null, "collect_logs": true,
                 "rate_limiting_interval": 0, "rate_limiting_limit": 0,
                 "retry_delay": null, "otel": null, "zdr": false, "log_management": 20000}
                """);

        ObjectNode expected = fullGateway("full-gateway", "2026-08-01T10:15:30.123Z", "2026-08-01T10:17:00.123Z");
        expected.put("cache_invalidate_on_update", false).putNull("cache_ttl").put("collect_logs", true)
                .put("rate_limiting_interval", 0).put("rate_limiting_limit", 0)
                .put("zdr", false).put("log_management", 20000);
        expected.putNull("retry_delay");
        expected.putNull("otel");
        assertThat(assertOk(reply)).isEqualTo(expected);
        assertThat(fieldNames(reply.result()).get(0)).isEqualTo("id");
        assertThat(api.fetchGateway("full-gateway")).isEqualTo(expected);
    }

    @Test
    void updateMovesModifiedAtWithTheClockButNeverCreatedAt() {
        api.createGateway(GatewayBodies.minimal("my-gateway"));

        clock.advance(Duration.ofHours(1));
        JsonNode first = assertOk(api.put("/gateways/my-gateway", updateBody(60)));
        clock.advance(Duration.ofDays(1).plusMillis(7));
        JsonNode second = assertOk(api.put("/gateways/my-gateway", updateBody(120)));

        assertThat(first.get("created_at").asText()).isEqualTo("2026-08-01T10:15:30.123Z");
        assertThat(first.get("modified_at").asText()).isEqualTo("2026-08-01T11:15:30.123Z");
        assertThat(second.get("created_at").asText()).isEqualTo("2026-08-01T10:15:30.123Z");
        assertThat(second.get("modified_at").asText()).isEqualTo("2026-08-02T11:15:30.130Z");
        assertThat(second.get("cache_ttl").intValue()).isEqualTo(120);
    }

    @Test
    void updateIgnoresIdAndReadOnlyMembersOfTheBody() {
        JsonNode created = api.createGateway(GatewayBodies.minimal("my-gateway"));
        clock.advance(Duration.ofMinutes(1));

        JsonNode updated = assertOk(api.put("/gateways/my-gateway", """
                {"id": "renamed", "cache_invalidate_on_update": true, "cache_ttl": 0, "collect_logs": true,
                 "rate_limiting_interval": 0, "rate_limiting_limit": 0, "created_at": "2020-01-01T00:00:00.000Z",
                 "modified_at": "2020-01-01T00:00:00.000Z", "is_default": true, "account_id": "x", "unknown": [1]}
                """));

        ObjectNode expected = created.deepCopy();
        expected.put("modified_at", "2026-08-01T10:16:30.123Z");
        assertThat(updated).isEqualTo(expected);
        assertThat(api.gatewayIds()).containsExactly("my-gateway");
        assertNotFound(api.get("/gateways/renamed"));
    }

    @Test
    void updateWithNullTechniqueStoresFixed() {
        api.createGateway(GatewayBodies.full("full-gateway"));

        JsonNode updated = assertOk(api.put("/gateways/full-gateway", """
                {"cache_invalidate_on_update": true, "cache_ttl": 10, "collect_logs": true,
                 "rate_limiting_interval": 1, "rate_limiting_limit": 1, "rate_limiting_technique": null}
                """));

        assertThat(updated.get("rate_limiting_technique").asText()).isEqualTo("fixed");
    }

    @Test
    void updateCanSetOptionalFieldsThatCreateLeftUnset() {
        api.createGateway(GatewayBodies.minimal("my-gateway"));

        JsonNode updated = assertOk(api.put("/gateways/my-gateway", """
                {"cache_invalidate_on_update": true, "cache_ttl": 0, "collect_logs": true,
                 "rate_limiting_interval": 0, "rate_limiting_limit": 0,
                 "retry_max_attempts": 5, "retry_delay": 5000, "retry_backoff": "linear", "authentication": true}
                """));

        assertThat(updated.get("retry_max_attempts").intValue()).isEqualTo(5);
        assertThat(updated.get("retry_delay").intValue()).isEqualTo(5000);
        assertThat(updated.get("retry_backoff").asText()).isEqualTo("linear");
        assertThat(updated.get("authentication").booleanValue()).isTrue();
    }

    @Test
    void deleteAnswersTheGatewayAsItWasThenItIsGone() {
        api.createGateway(GatewayBodies.full("full-gateway"));
        clock.advance(Duration.ofSeconds(90));
        JsonNode updated = assertOk(api.put("/gateways/full-gateway", updateBody(42)));
        clock.advance(Duration.ofSeconds(30));

        ApiReply reply = api.delete("/gateways/full-gateway");

        assertThat(assertOk(reply)).isEqualTo(updated);
        assertThat(reply.result().get("modified_at").asText()).isEqualTo("2026-08-01T10:17:00.123Z");
        assertNotFound(api.get("/gateways/full-gateway"));
        assertNotFound(api.delete("/gateways/full-gateway"));
        assertThat(api.gatewayIds()).isEmpty();
    }

    @Test
    void deleteRemovesOnlyThatGateway() {
        api.createGateway(GatewayBodies.minimal("keep-me"));
        api.createGateway(GatewayBodies.minimal("delete-me"));

        assertOk(api.delete("/gateways/delete-me"));

        assertThat(api.gatewayIds()).containsExactly("keep-me");
    }

    @Test
    void createAfterDeleteStartsAFreshGateway() {
        api.createGateway(GatewayBodies.full("phoenix"));
        assertOk(api.delete("/gateways/phoenix"));
        clock.advance(Duration.ofMinutes(10));

        JsonNode reborn = api.createGateway(GatewayBodies.minimal("phoenix"));

        assertThat(reborn.get("created_at").asText()).isEqualTo("2026-08-01T10:25:30.123Z");
        assertThat(reborn.get("rate_limiting_technique").asText()).isEqualTo("fixed");
        assertThat(fieldNames(reborn)).doesNotContain("dlp", "otel", "retry_delay", "stripe");
    }

    @Test
    void urlAnswersTheDataPlaneUrlOfTheProviderAsAString() {
        api.createGateway(GatewayBodies.minimal("my-gateway"));

        ApiReply reply = api.get("/gateways/my-gateway/url/workers-ai");

        assertOk(reply);
        assertThat(reply.json()).isEqualTo(json("""
                {"success": true, "errors": [], "messages": [], "result": "%s/v1/%s/my-gateway/workers-ai"}
                """.formatted(emulator.baseUrl(), emulator.accountId())));
    }

    @Test
    void urlOfAProviderSlugNobodyKnowsIsStillAnswered() {
        api.createGateway(GatewayBodies.minimal("my-gateway"));

        JsonNode result = assertOk(api.get("/gateways/my-gateway/url/no-such-provider"));

        assertThat(result.asText()).isEqualTo(
                emulator.baseUrl() + "/v1/" + emulator.accountId() + "/my-gateway/no-such-provider");
    }

    private static String updateBody(int cacheTtl) {
        return """
                {"cache_invalidate_on_update": true, "cache_ttl": %d, "collect_logs": true,
                 "rate_limiting_interval": 0, "rate_limiting_limit": 0}
                """.formatted(cacheTtl);
    }
}
