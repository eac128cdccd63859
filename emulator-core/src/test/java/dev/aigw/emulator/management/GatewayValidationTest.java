package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertServiceError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationErrors;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every way a create or update body can be refused: 400/7001 with the member's {@code path}, a message that
 * names it, one error for each invalid or missing member in one reply, and no change to any gateway
 * (management-api.md 2.3, 2.4, 3.1, G2, G4).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GatewayValidationTest {

    private final VirtualClock clock = VirtualClock.create();
    private AiGatewayEmulator emulator;
    private ManagementApi api;
    private JsonNode listBefore;

    @BeforeEach
    void start() {
        emulator = AiGatewayEmulator.builder().clock(clock).build().start();
        api = ManagementApi.of(emulator);
        api.createGateway(GatewayBodies.full("existing"));
        listBefore = api.get("/gateways").json();
        clock.advance(Duration.ofMinutes(1));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** Asserts that no gateway was added, removed or changed since the test began. */
    private void assertNothingChanged() {
        assertThat(api.get("/gateways").json()).isEqualTo(listBefore);
    }

    /** Returns the minimal create body with one member replaced by raw JSON. */
    private static String createWith(String member, String rawValue) {
        ObjectNode body = (ObjectNode) json(GatewayBodies.minimal("new-gateway"));
        body.set(member, json(rawValue));
        return body.toString();
    }

    /** Returns a valid update body with one member replaced by raw JSON. */
    private static String updateWith(String member, String rawValue) {
        ObjectNode body = (ObjectNode) json(GatewayBodies.minimal("ignored"));
        body.remove("id");
        body.set(member, json(rawValue));
        return body.toString();
    }

    private static String createWithout(String member) {
        ObjectNode body = (ObjectNode) json(GatewayBodies.minimal("new-gateway"));
        body.remove(member);
        return body.toString();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"id\": \"new-gateway\",", "{id: \"new-gateway\"}", "{\"id\": \"a\"} {\"id\": \"b\"}",
            "{\"id\": \"a\", \"id\": \"b\"}", "\u00ff\u00fe"})
    void createWithMalformedJsonIsRefusedAtTheBody(String body) {
        JsonNode error = assertValidationError(api.post("/gateways", body), "body");

        assertThat(error.get("message").asText()).contains("not valid JSON");
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"[]|array", "\"new-gateway\"|string", "42|number", "null|null",
            "true|boolean"})
    void createWithABodyThatIsNotAnObjectIsRefusedAtTheBody(String body, String kind) {
        JsonNode error = assertValidationError(api.post("/gateways", body), "body");

        assertThat(error.get("message").asText()).contains("must be a JSON object").contains(kind);
        assertNothingChanged();
    }

    @Test
    void createWithAnEmptyBodyIsRefusedAtTheBody() {
        JsonNode error = assertValidationError(api.post("/gateways", ""), "body");

        assertThat(error.get("message").asText()).contains("empty body");
        assertNothingChanged();
    }

    @Test
    void createWithAStringForAnIntegerIsRefusedAtThatMember() {
        JsonNode error = assertValidationError(api.post("/gateways", createWith("cache_ttl", "\"60\"")),
                "body", "cache_ttl");

        assertThat(error.get("message").asText())
                .isEqualTo("Input Validation Error: cache_ttl: expected an integer >= 0, got \"60\"");
        assertNothingChanged();
    }

    @Test
    void createWithYesForABooleanIsRefusedAtThatMember() {
        JsonNode error = assertValidationError(api.post("/gateways", createWith("collect_logs", "\"yes\"")),
                "body", "collect_logs");

        assertThat(error.get("message").asText()).contains("expected a boolean").contains("\"yes\"");
        assertNothingChanged();
    }

    @Test
    void createWithAFractionForAnIntegerIsRefused() {
        assertValidationError(api.post("/gateways", createWith("rate_limiting_limit", "1.5")),
                "body", "rate_limiting_limit");
        assertNothingChanged();
    }

    @Test
    void createWithNullForAMemberThatIsNotNullableIsRefused() {
        assertValidationError(api.post("/gateways", createWith("collect_logs", "null")), "body", "collect_logs");
        assertValidationError(api.post("/gateways", createWith("zdr", "null")), "body", "zdr");
        assertValidationError(api.post("/gateways", createWith("dlp", "null")), "body", "dlp");
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"rate_limiting_technique, rolling", "retry_backoff, random", "log_management_strategy, KEEP_ALL",
            "workers_ai_billing_mode, prepaid"})
    void createWithAnUnknownEnumValueIsRefusedListingTheValidOnes(String member, String value) {
        JsonNode error = assertValidationError(api.post("/gateways", createWith(member, "\"" + value + "\"")),
                "body", member);

        assertThat(error.get("message").asText()).contains("expected one of").contains(value);
        assertNothingChanged();
    }

    @Test
    void createWithAnEnumValueInTheWrongCaseIsRefusedWithAHint() {
        JsonNode error = assertValidationError(
                api.post("/gateways", createWith("rate_limiting_technique", "\"FIXED\"")),
                "body", "rate_limiting_technique");

        assertThat(error.get("message").asText()).contains("\"FIXED\"").contains("did you mean \"fixed\"?");
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"retry_max_attempts, 0, 1 to 5", "retry_max_attempts, 6, 1 to 5", "retry_delay, 60001, 0 to 60000",
            "retry_delay, -1, 0 to 60000", "log_management, 9999, 10000 to 10000000",
            "log_management, 10000001, 10000 to 10000000", "cache_ttl, -1, >= 0", "rate_limiting_interval, -1, >= 0",
            "rate_limiting_limit, -5, >= 0"})
    void createWithANumberOutOfRangeIsRefusedNamingTheRange(String member, String value, String range) {
        JsonNode error = assertValidationError(api.post("/gateways", createWith(member, value)), "body", member);

        assertThat(error.get("message").asText()).contains(range).contains(value);
        assertNothingChanged();
    }

    @Test
    void createWithAnIntegerBeyondThirtyTwoBitsIsRefusedNamingTheLargestAccepted() {
        JsonNode error = assertValidationError(api.post("/gateways", createWith("cache_ttl", "2147483648")),
                "body", "cache_ttl");

        assertThat(error.get("message").asText())
                .isEqualTo("Input Validation Error: cache_ttl: expected an integer from 0 to 2147483647,"
                        + " got 2147483648");
        assertNothingChanged();
    }

    @Test
    void createWithAWholeNumberWrittenAsADecimalIsRefusedQuotingTheValueAsSent() {
        JsonNode error = assertValidationError(api.post("/gateways", GatewayBodies.minimal("new-gateway")
                .replace("\"cache_ttl\": 0", "\"cache_ttl\": 60.0")), "body", "cache_ttl");

        assertThat(error.get("message").asText())
                .isEqualTo("Input Validation Error: cache_ttl: expected an integer >= 0, got 60.0");
        assertNothingChanged();
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"id", "cache_invalidate_on_update", "cache_ttl", "collect_logs", "rate_limiting_interval",
            "rate_limiting_limit"})
    void createWithoutARequiredMemberIsRefused(String member) {
        JsonNode error = assertValidationError(api.post("/gateways", createWithout(member)), "body", member);

        assertThat(error.get("message").asText()).isEqualTo("Input Validation Error: " + member + " is required");
        assertNothingChanged();
    }

    @Test
    void createWithSixtyFiveCharacterIdIsRefusedAndStoresNothing() {
        String id = "a".repeat(65);

        JsonNode error = assertValidationError(api.post("/gateways", GatewayBodies.minimal(id)), "body", "id");

        assertThat(error.get("message").asText()).contains("1 to 64 characters").contains("65");
        assertNothingChanged();
    }

    @Test
    void createWithAnEmptyIdIsRefused() {
        assertValidationError(api.post("/gateways", GatewayBodies.minimal("")), "body", "id");
        assertNothingChanged();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"My-Gateway", "UPPER", "my gateway", "-leading", "trailing-", "double--dash",
            "dotted.name", "slash/name", "ünïcode"})
    void createWithAnIdOfBadCharactersIsRefused(String id) {
        JsonNode error = assertValidationError(api.post("/gateways", createWith("id", TextNode.valueOf(id).toString())),
                "body", "id");

        assertThat(error.get("message").asText()).contains("lower-case letters, digits and '_'").contains(id);
        assertNothingChanged();
    }

    @Test
    void createWithANumberForTheIdIsRefused() {
        assertValidationError(api.post("/gateways", createWith("id", "42")), "body", "id");
        assertNothingChanged();
    }

    @Test
    void createOfAnExistingIdIsRefusedAndKeepsTheFirstGateway() {
        ApiReply reply = api.post("/gateways", GatewayBodies.minimal("existing"));

        JsonNode error = assertServiceError(reply, 400, 7001);
        assertThat(error).isEqualTo(json("""
                {"code": 7001, "message": "A gateway with this id already exists", "path": ["body", "id"]}
                """));
        assertNothingChanged();
    }

    @Test
    void createBeyondTheAccountsGatewayLimitIsRefusedAndStoresNothing() {
        try (AiGatewayEmulator limited = AiGatewayEmulator.builder().maxGatewaysPerAccount(2).build().start()) {
            ManagementApi limitedApi = ManagementApi.of(limited);
            limitedApi.createGateway(GatewayBodies.minimal("one"));
            limitedApi.createGateway(GatewayBodies.minimal("two"));

            ApiReply reply = limitedApi.post("/gateways", GatewayBodies.minimal("three"));

            JsonNode error = assertServiceError(reply, 400, 7001);
            assertThat(error).isEqualTo(json("""
                    {"code": 7001, "message": "Max number of gateways reached", "path": ["body"]}
                    """));
            assertThat(limitedApi.gatewayIds()).containsExactlyInAnyOrder("one", "two");
            assertOk(limitedApi.delete("/gateways/one"));
            assertOk(limitedApi.post("/gateways", GatewayBodies.minimal("three")));
        }
    }

    @Test
    void createWithAnInvalidNestedDlpActionIsRefusedAtDlp() {
        JsonNode error = assertValidationError(api.post("/gateways", createWith("dlp",
                "{\"enabled\": true, \"action\": \"WARN\", \"profiles\": []}")), "body", "dlp");

        assertThat(error.get("message").asText()).contains("action").contains("WARN");
        assertNothingChanged();
    }

    @Test
    void createWithAnInvalidGuardrailActionIsRefusedAtThatCategory() {
        assertValidationError(api.post("/gateways", createWith("guardrails",
                "{\"prompt\": {\"P1\": \"WARN\"}, \"response\": {}}")), "body", "guardrails", "prompt", "P1");
        assertValidationError(api.post("/gateways", createWith("guardrails", "{\"prompt\": {}}")),
                "body", "guardrails", "response");
        assertNothingChanged();
    }

    @Test
    void createWithAnOtelTargetWithoutUrlIsRefusedAtThatTarget() {
        assertValidationError(api.post("/gateways", createWith("otel",
                "[{\"url\": \"https://a.example\", \"headers\": {}}, {\"headers\": {}}]")), "body", "otel", "1", "url");
        assertValidationError(api.post("/gateways", createWith("otel",
                "[{\"url\": \"https://a.example\", \"headers\": {}, \"content_type\": \"xml\"}]")),
                "body", "otel", "0", "content_type");
        assertNothingChanged();
    }

    /** Returns the minimal create body with one member set to raw JSON text, kept as sent (no parse on our side). */
    private static String createWithRaw(String member, String rawValue) {
        String body = createWithout(member);
        return body.substring(0, body.length() - 1) + ",\"" + member + "\":" + rawValue + "}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cache_ttl|1e999999999", "cache_ttl|-1e999999999", "cache_ttl|1e-999999999", "cache_ttl|1e400",
            "cache_ttl|6e1", "cache_ttl|60.5", "cache_ttl|-1", "cache_ttl|\"NaN\"", "cache_ttl|\"Infinity\"",
            "cache_ttl|99999999999999999999999999", "cache_ttl|[60]", "rate_limiting_limit|1e99999999",
            "rate_limiting_interval|-0.5", "retry_delay|60001", "retry_delay|1e3", "retry_max_attempts|0",
            "retry_max_attempts|5.0", "log_management|1e7", "log_management|true"})
    void createWithAHostileNumberIsRefusedAtThatMember(String member, String rawValue) {
        assertValidationError(api.post("/gateways", createWithRaw(member, rawValue)), "body", member);
        assertNothingChanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-999999999", "1e999999999", "1e400", "-1", "\"10\""})
    void createWithASpendLimitOutOfRangeIsRefusedAtThatLimit(String limit) {
        assertValidationError(api.post("/gateways", createWithRaw("spend_limits",
                "{\"rules\": [{\"limit\": " + limit + ", \"limitType\": \"cost\", \"window\": 60}]}")),
                "body", "spend_limits", "rules", "0", "limit");
        assertNothingChanged();
    }

    @Test
    void createWithASpendLimitRuleOfUnknownLimitTypeIsRefusedAtThatRule() {
        assertValidationError(api.post("/gateways", createWith("spend_limits",
                "{\"rules\": [{\"limit\": 10, \"limitType\": \"tokens\", \"window\": 60}]}")),
                "body", "spend_limits", "rules", "0", "limitType");
        assertNothingChanged();
    }

    @Test
    void createWithAStripeConfigWithoutUsageEventsIsRefused() {
        assertValidationError(api.post("/gateways", createWith("stripe", "{\"authorization\": \"sk\"}")),
                "body", "stripe", "usage_events");
        assertNothingChanged();
    }

    @Test
    void createWithALogpushKeyShorterThanSixteenCharactersIsRefused() {
        JsonNode error = assertValidationError(api.post("/gateways", createWith("logpush_public_key",
                "\"too-short-key\"")), "body", "logpush_public_key");

        assertThat(error.get("message").asText()).contains("16 to 1024 characters");
        assertNothingChanged();
    }

    @Test
    void createWithSeveralInvalidMembersReportsEachAtItsPathAndStoresNothing() {
        String body = createWith("retry_delay", "99999").replace("\"cache_ttl\":0", "\"cache_ttl\":\"x\"");

        JsonNode errors = assertValidationErrors(api.post("/gateways", body), "body.cache_ttl", "body.retry_delay");

        assertThat(errors).isEqualTo(json("""
                [{"code": 7001, "message": "Input Validation Error: cache_ttl: expected an integer >= 0, got \\"x\\"",
                  "path": ["body", "cache_ttl"]},
                 {"code": 7001, "message": "Input Validation Error: retry_delay: expected an integer from 0 to 60000, got 99999",
                  "path": ["body", "retry_delay"]}]
                """));
        assertNothingChanged();
    }

    @Test
    void createWithOnlyAnIdNamesEveryMissingRequiredMemberInOneReply() {
        JsonNode errors = assertValidationErrors(api.post("/gateways", "{\"id\": \"my-gw\"}"),
                "body.cache_invalidate_on_update", "body.cache_ttl", "body.collect_logs", "body.rate_limiting_interval",
                "body.rate_limiting_limit");

        assertThat(errors.get(0).get("message").asText())
                .isEqualTo("Input Validation Error: cache_invalidate_on_update is required");
        assertNothingChanged();
    }

    @Test
    void createWithAMissingAndAnInvalidMemberAnswersTheWholeReplyOfTheReadme() {
        ApiReply reply = api.post("/gateways", "{\"id\":\"my-gw\",\"cache_ttl\":\"60\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).isEqualTo(json("""
                {"success":false,"errors":[
                  {"code":7001,"message":"Input Validation Error: cache_invalidate_on_update is required",
                   "path":["body","cache_invalidate_on_update"]},
                  {"code":7001,"message":"Input Validation Error: cache_ttl: expected an integer >= 0, got \\"60\\"",
                   "path":["body","cache_ttl"]},
                  {"code":7001,"message":"Input Validation Error: collect_logs is required","path":["body","collect_logs"]},
                  {"code":7001,"message":"Input Validation Error: rate_limiting_interval is required",
                   "path":["body","rate_limiting_interval"]},
                  {"code":7001,"message":"Input Validation Error: rate_limiting_limit is required",
                   "path":["body","rate_limiting_limit"]}],
                 "messages":[],"result":{}}
                """));
        assertNothingChanged();
    }

    @Test
    void createWithAnEmptyObjectNamesTheIdFirstThenEveryRequiredMember() {
        assertValidationErrors(api.post("/gateways", "{}"), "body.id", "body.cache_invalidate_on_update",
                "body.cache_ttl", "body.collect_logs", "body.rate_limiting_interval", "body.rate_limiting_limit");
        assertNothingChanged();
    }

    @Test
    void createWithABadIdAndABadMemberNamesBoth() {
        String body = createWith("id", "\"Bad Id\"").replace("\"collect_logs\":true", "\"collect_logs\":1");

        assertValidationErrors(api.post("/gateways", body), "body.id", "body.collect_logs");
        assertNothingChanged();
    }

    @Test
    void createWithTwoInvalidNestedObjectsReportsOneErrorForEach() {
        ObjectNode body = (ObjectNode) json(createWith("otel", "[{\"headers\": {}}]"));
        body.set("stripe", json("{\"authorization\": 42}"));

        assertValidationErrors(api.post("/gateways", body.toString()), "body.otel.0.url",
                "body.stripe.authorization");
        assertNothingChanged();
    }

    @Test
    void updateWithAStringForAnIntegerIsRefusedAndLeavesTheGatewayUntouched() {
        assertValidationError(api.put("/gateways/existing", updateWith("cache_ttl", "\"60\"")), "body", "cache_ttl");
        assertNothingChanged();
    }

    @Test
    void updateWithMalformedJsonIsRefusedAndLeavesTheGatewayUntouched() {
        assertValidationError(api.put("/gateways/existing", "{\"cache_ttl\": "), "body");
        assertValidationError(api.put("/gateways/existing", ""), "body");
        assertValidationError(api.put("/gateways/existing", "[]"), "body");
        assertNothingChanged();
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"cache_invalidate_on_update", "cache_ttl", "collect_logs", "rate_limiting_interval",
            "rate_limiting_limit"})
    void updateWithoutARequiredMemberIsRefused(String member) {
        ObjectNode body = (ObjectNode) json(updateWith("zdr", "true"));
        body.remove(member);

        JsonNode error = assertValidationError(api.put("/gateways/existing", body.toString()), "body", member);

        assertThat(error.get("message").asText()).isEqualTo("Input Validation Error: " + member + " is required");
        assertNothingChanged();
    }

    @Test
    void updateWithAValidChangeAndAnInvalidOneChangesNothing() {
        String body = updateWith("retry_max_attempts", "6").replace("\"cache_ttl\":0", "\"cache_ttl\":999");

        assertValidationError(api.put("/gateways/existing", body), "body", "retry_max_attempts");
        assertNothingChanged();
    }

    @Test
    void updateWithSeveralInvalidMembersReportsEachAtItsPath() {
        String body = updateWith("retry_backoff", "\"Linear\"").replace("\"rate_limiting_limit\":0",
                "\"rate_limiting_limit\":-1");

        assertValidationErrors(api.put("/gateways/existing", body), "body.rate_limiting_limit",
                "body.retry_backoff");
        assertNothingChanged();
    }

    @Test
    void updateWithAnEmptyObjectNamesEveryRequiredMemberInOneReply() {
        assertValidationErrors(api.put("/gateways/existing", "{}"), "body.cache_invalidate_on_update",
                "body.cache_ttl", "body.collect_logs", "body.rate_limiting_interval", "body.rate_limiting_limit");
        assertNothingChanged();
    }

    @Test
    void updateWithAnEnumValueInTheWrongCaseIsRefused() {
        assertValidationError(api.put("/gateways/existing", updateWith("retry_backoff", "\"Linear\"")),
                "body", "retry_backoff");
        assertNothingChanged();
    }
}
