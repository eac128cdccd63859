package dev.aigw.emulator.evaluation;

import static dev.aigw.emulator.evaluation.DatasetsApiTest.names;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertFrontDoorError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertNotFound;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertPage;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationErrors;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.proxy.ProxyClient;
import dev.aigw.emulator.testsupport.ManagementApi;
import dev.aigw.emulator.testsupport.SdkShapes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Evaluation types and evaluations over the management API (management-api-2.md 5.2, 5.3), computed from requests
 * that really went through the proxy: ET1, E1, E2 and E4 checked by the OpenAPI extract, E3 by the SDK fixture.
 */
@Timeout(30)
class EvaluationsApiTest {

    private static final String ACCOUNT = DatasetsApiTest.ACCOUNT;
    private static final String ALL_TYPES = "[\"aig-eval-cost\",\"aig-eval-speed\",\"aig-eval-human-feedback\"]";

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-06-01T09:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder()
            .clock(clock)
            .accountId(ACCOUNT)
            .token(ApiToken.of("admin-token", ACCOUNT, Permission.READ, Permission.EDIT))
            .token(ApiToken.of("read-token", ACCOUNT, Permission.READ))
            .gateway("gw")
            .build().start();
    private final ManagementApi admin = ManagementApi.of(emulator).withToken("admin-token");
    private final ProxyClient proxy = new ProxyClient(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    /** Sends one chat request through the proxy that takes {@code millis} upstream; returns its log id. */
    private String chat(String provider, long millis) {
        emulator.script(provider).enqueue(UpstreamResponse.builder().latency(Duration.ofMillis(millis)).build());
        HttpResponse<String> response = proxy.post(proxy.path("gw", provider + "/chat/completions"),
                ProxyClient.CHAT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("cf-aig-log-id").orElseThrow();
    }

    private void feedback(String logId, int thumbs) {
        assertOk(admin.send("PATCH", "/gateways/gw/logs/" + logId,
                BodyPublishers.ofString("{\"feedback\":" + thumbs + "}")));
    }

    private BigDecimal cost(String logId) {
        return assertOk(admin.get("/gateways/gw/logs/" + logId)).get("cost").decimalValue();
    }

    private String dataset(String name, String filters) {
        return assertOk(admin.post("/gateways/gw/datasets", "{\"name\":\"" + name + "\",\"enable\":true,"
                + "\"filters\":" + filters + "}")).get("id").textValue();
    }

    private JsonNode evaluate(String name, String datasetIds, String typeIds) {
        return assertOk(admin.post("/gateways/gw/evaluations", "{\"name\":\"" + name + "\",\"dataset_ids\":"
                + datasetIds + ",\"evaluation_type_ids\":" + typeIds + "}"));
    }

    private static JsonNode result(JsonNode evaluation, String typeId) {
        for (JsonNode r : evaluation.get("results")) {
            if (r.get("evaluation_type_id").textValue().equals(typeId)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + typeId + " in " + evaluation);
    }

    @Test
    void anEvaluationAggregatesCostSpeedAndFeedbackOfTheLogsItsDatasetsSelect() {
        String a = chat("openai", 1000);
        String b = chat("openai", 500);
        String c = chat("openai", 300);
        String d = chat("groq", 200);
        feedback(a, 1);
        feedback(b, -1);
        feedback(c, 1);
        feedback(d, 1);
        String openai = dataset("openai", "[{\"key\":\"provider\",\"operator\":\"eq\",\"value\":[\"openai\"]}]");
        String groq = dataset("groq", "[{\"key\":\"provider\",\"operator\":\"eq\",\"value\":[\"groq\"]}]");
        clock.advance(Duration.ofMinutes(1));

        JsonNode evaluation = evaluate("openai only", "[\"" + openai + "\"]", ALL_TYPES);

        assertThat(evaluation.get("total_logs").intValue()).isEqualTo(3);
        assertThat(evaluation.get("processed").booleanValue()).isTrue();
        BigDecimal meanCost = cost(a).add(cost(b)).add(cost(c)).divide(BigDecimal.valueOf(3),
                new MathContext(10, RoundingMode.HALF_UP));
        assertThat(cost(a)).isPositive();
        assertCompleted(result(evaluation, "aig-eval-cost"), meanCost.stripTrailingZeros().toPlainString(), 3);
        assertCompleted(result(evaluation, "aig-eval-speed"), "600.00", 3);
        assertCompleted(result(evaluation, "aig-eval-human-feedback"), "66.67", 3);
        JsonNode both = evaluate("both", "[\"" + openai + "\",\"" + groq + "\"]", ALL_TYPES);
        assertThat(both.get("total_logs").intValue()).isEqualTo(4);
        assertCompleted(result(both, "aig-eval-speed"), "500.00", 4);
        assertCompleted(result(both, "aig-eval-human-feedback"), "75.00", 4);
    }

    @Test
    void theEvaluationRecordsItsDatasetsTimesAndOneResultPerTypeInTheOrderAsked() {
        chat("openai", 250);
        String openai = dataset("openai", "[{\"key\":\"provider\",\"operator\":\"eq\",\"value\":[\"openai\"]}]");
        clock.advance(Duration.ofSeconds(30));

        JsonNode evaluation = evaluate("speed first", "[\"" + openai + "\"]",
                "[\"aig-eval-speed\",\"aig-eval-cost\"]");

        String id = evaluation.get("id").textValue();
        assertThat(evaluation.get("name").textValue()).isEqualTo("speed first");
        assertThat(evaluation.get("gateway_id").textValue()).isEqualTo("gw");
        assertThat(evaluation.get("created_at").textValue()).isEqualTo("2026-06-01T09:00:30.250Z");
        assertThat(evaluation.get("modified_at")).isEqualTo(evaluation.get("created_at"));
        JsonNode copy = evaluation.get("datasets").get(0);
        assertThat(copy.get("id").textValue()).isEqualTo(openai);
        assertThat(copy.get("account_id").textValue()).isEqualTo(ACCOUNT);
        assertThat(copy.get("account_tag").textValue()).isEqualTo(ACCOUNT);
        assertThat(evaluation.get("results")).extracting(r -> r.get("evaluation_type_id").textValue())
                .containsExactly("aig-eval-speed", "aig-eval-cost");
        assertThat(evaluation.get("results")).allSatisfy(r -> {
            assertThat(r.get("evaluation_id").textValue()).isEqualTo(id);
            assertThat(r.get("created_at")).isEqualTo(evaluation.get("created_at"));
        });
        assertThat(SdkShapes.checkEvaluations("evaluations.get.result",
                assertOk(admin.get("/gateways/gw/evaluations/" + id)))).isEqualTo(evaluation);
    }

    @Test
    void anEvaluationIsASnapshotThatNewLogsAndADeletedDatasetLeaveUnchanged() {
        chat("openai", 100);
        String openai = dataset("openai", "[]");
        JsonNode evaluation = evaluate("snapshot", "[\"" + openai + "\"]", ALL_TYPES);

        chat("openai", 900);
        assertOk(admin.delete("/gateways/gw/datasets/" + openai));

        JsonNode later = assertOk(admin.get("/gateways/gw/evaluations/" + evaluation.get("id").textValue()));
        assertThat(later).isEqualTo(evaluation);
        assertThat(result(later, "aig-eval-speed").get("result").textValue()).isEqualTo("100.00");
    }

    @Test
    void anEvaluatorWithNoUsableLogIsAnErrorWithAnEmptyResult() {
        chat("openai", 400);
        String openai = dataset("openai", "[]");
        String none = dataset("none", "[{\"key\":\"model\",\"operator\":\"eq\",\"value\":[\"no-such-model\"]}]");

        JsonNode unrated = evaluate("unrated", "[\"" + openai + "\"]", ALL_TYPES);
        JsonNode empty = evaluate("empty", "[\"" + none + "\"]", ALL_TYPES);

        assertCompleted(result(unrated, "aig-eval-speed"), "400.00", 1);
        assertError(result(unrated, "aig-eval-human-feedback"));
        assertThat(empty.get("total_logs").intValue()).isZero();
        empty.get("results").forEach(EvaluationsApiTest::assertError);
    }

    @Test
    void feedbackCountsOnlyThumbsUpAndDownAndDatasetFiltersMatchOnTheLogsFields() {
        String a = chat("openai", 100);
        String b = chat("openai", 200);
        String c = chat("openai", 300);
        feedback(a, 1);
        admin.send("PATCH", "/gateways/gw/logs/" + b, BodyPublishers.ofString("{\"feedback\":0}"));
        String slow = dataset("slow", "[{\"key\":\"duration\",\"operator\":\"gt\",\"value\":[150]},"
                + "{\"key\":\"model\",\"operator\":\"contains\",\"value\":[\"GPT-4O\"]}]");
        String recent = dataset("recent", "[{\"key\":\"created_at\",\"operator\":\"gt\","
                + "\"value\":[\"2026-06-01T09:00:00.200Z\"]}]");
        String rated = dataset("rated", "[{\"key\":\"feedback\",\"operator\":\"eq\",\"value\":[1, -1]}]");

        assertThat(evaluate("slow", "[\"" + slow + "\"]", ALL_TYPES).get("total_logs").intValue()).isEqualTo(2);
        assertThat(evaluate("recent", "[\"" + recent + "\"]", ALL_TYPES).get("total_logs").intValue())
                .as("b started at .100 and c at .300").isEqualTo(1);
        JsonNode byRating = evaluate("rated", "[\"" + rated + "\"]", ALL_TYPES);
        assertThat(byRating.get("total_logs").intValue()).isEqualTo(1);
        assertCompleted(result(byRating, "aig-eval-human-feedback"), "100.00", 1);
        assertThat(c).isNotEmpty();
    }

    @Test
    void listIsNewestFirstFiltersByNameProcessedAndSearchAndPages() {
        String all = dataset("all", "[]");
        evaluate("first", "[\"" + all + "\"]", ALL_TYPES);
        clock.advance(Duration.ofSeconds(1));
        String secondId = evaluate("second", "[\"" + all + "\"]", ALL_TYPES).get("id").textValue();

        assertThat(names(assertOk(admin.get("/gateways/gw/evaluations")))).containsExactly("second", "first");
        assertThat(names(assertOk(admin.get("/gateways/gw/evaluations?name=first")))).containsExactly("first");
        assertThat(names(assertOk(admin.get("/gateways/gw/evaluations?processed=false")))).isEmpty();
        assertThat(names(assertOk(admin.get("/gateways/gw/evaluations?search=" + secondId.substring(0, 8)))))
                .containsExactly("second");
        assertThat(names(assertOk(admin.get("/gateways/gw/evaluations?search=FIR")))).containsExactly("first");
        assertThat(names(assertPage(admin.get("/gateways/gw/evaluations?per_page=1&page=2"), 2, 1, 1, 2)))
                .containsExactly("first");
        assertValidationError(admin.get("/gateways/gw/evaluations?processed=1"), "query", "processed");
        assertValidationError(admin.get("/gateways/gw/evaluations?per_page=0"), "query", "per_page");
    }

    @Test
    void deleteAnswersTheDeletedEvaluationAndForgetsIt() {
        String all = dataset("all", "[]");
        JsonNode evaluation = evaluate("doomed", "[\"" + all + "\"]", ALL_TYPES);
        String path = "/gateways/gw/evaluations/" + evaluation.get("id").textValue();

        assertThat(assertOk(admin.delete(path))).isEqualTo(evaluation);

        assertNotFound(admin.get(path));
        assertNotFound(admin.delete(path));
        assertPage(admin.get("/gateways/gw/evaluations"), 1, 20, 0, 0);
    }

    @Test
    void aBadCreateBodyIsNamedMemberByMember() {
        String all = dataset("all", "[]");
        assertValidationErrors(admin.post("/gateways/gw/evaluations", "{}"),
                "body.name", "body.dataset_ids", "body.evaluation_type_ids");
        assertValidationError(admin.post("/gateways/gw/evaluations", "{\"name\":\"x\",\"dataset_ids\":[],"
                + "\"evaluation_type_ids\":" + ALL_TYPES + "}"), "body", "dataset_ids");
        String six = ("\"" + all + "\",").repeat(6);
        assertValidationError(admin.post("/gateways/gw/evaluations", "{\"name\":\"x\",\"dataset_ids\":["
                + six.substring(0, six.length() - 1) + "],\"evaluation_type_ids\":" + ALL_TYPES + "}"),
                "body", "dataset_ids");
        JsonNode unknown = assertValidationError(admin.post("/gateways/gw/evaluations", "{\"name\":\"x\","
                + "\"dataset_ids\":[\"" + all + "\",\"nope\"],\"evaluation_type_ids\":" + ALL_TYPES + "}"),
                "body", "dataset_ids", "1");
        assertThat(unknown.get("message").textValue()).contains("no dataset \"nope\" exists on gateway gw");
        assertValidationError(admin.post("/gateways/gw/evaluations", "{\"name\":\"x\",\"dataset_ids\":[\"" + all
                + "\"],\"evaluation_type_ids\":[]}"), "body", "evaluation_type_ids");
        assertValidationError(admin.post("/gateways/gw/evaluations", "{\"name\":\"\",\"dataset_ids\":[\"" + all
                + "\"],\"evaluation_type_ids\":" + ALL_TYPES + "}"), "body", "name");
        JsonNode twice = assertValidationError(admin.post("/gateways/gw/evaluations", "{\"name\":\"x\","
                + "\"dataset_ids\":[\"" + all + "\"],\"evaluation_type_ids\":[\"aig-eval-cost\",\"aig-eval-cost\"]}"),
                "body", "evaluation_type_ids", "1");
        assertThat(twice.get("message").textValue()).contains("listed twice");
        assertPage(admin.get("/gateways/gw/evaluations"), 1, 20, 0, 0);
    }

    @Test
    void aContentQualityEvaluatorIsRefusedBecauseTheEmulatorHasNoJudge() {
        String all = dataset("all", "[]");

        JsonNode error = assertValidationError(admin.post("/gateways/gw/evaluations", "{\"name\":\"x\","
                + "\"dataset_ids\":[\"" + all + "\"],\"evaluation_type_ids\":[\"aig-eval-cost\",\"aig-eval-accuracy\"]}"),
                "body", "evaluation_type_ids", "1");

        assertThat(error.get("message").textValue()).contains("no LLM judge")
                .contains("aig-eval-cost, aig-eval-speed, aig-eval-human-feedback");
        JsonNode typo = assertValidationError(admin.post("/gateways/gw/evaluations", "{\"name\":\"x\","
                + "\"dataset_ids\":[\"" + all + "\"],\"evaluation_type_ids\":[\"aig-eval-sped\"]}"),
                "body", "evaluation_type_ids", "0");
        assertThat(typo.get("message").textValue()).contains("did you mean \"aig-eval-speed\"?");
    }

    @Test
    void anEvaluationIsNeverEditedOrRunAgain() {
        String all = dataset("all", "[]");
        String path = "/gateways/gw/evaluations/" + evaluate("once", "[\"" + all + "\"]", ALL_TYPES)
                .get("id").textValue();

        assertFrontDoorError(admin.put(path, "{\"name\":\"again\"}"), 405, 10405, "Method not allowed");
        assertFrontDoorError(admin.send("PATCH", path, BodyPublishers.ofString("{}")), 405, 10405,
                "Method not allowed");
    }

    @Test
    void anUnknownGatewayOrEvaluationIsNotFound() {
        assertNotFound(admin.get("/gateways/gw/evaluations/00000000-0000-4000-8000-000000000000"));
        assertNotFound(admin.delete("/gateways/gw/evaluations/00000000-0000-4000-8000-000000000000"));
        assertNotFound(admin.get("/gateways/nope/evaluations"));
        assertNotFound(admin.post("/gateways/nope/evaluations", "{}"));
        String all = dataset("all", "[]");
        String id = evaluate("here", "[\"" + all + "\"]", ALL_TYPES).get("id").textValue();
        emulator.createGateway("gw2");
        assertNotFound(admin.get("/gateways/gw2/evaluations/" + id));
        assertValidationError(admin.post("/gateways/gw2/evaluations", "{\"name\":\"x\",\"dataset_ids\":[\"" + all
                + "\"],\"evaluation_type_ids\":" + ALL_TYPES + "}"), "body", "dataset_ids", "0");
    }

    @Test
    void readsNeedReadAndWritesNeedEdit() {
        String all = dataset("all", "[]");
        String id = evaluate("x", "[\"" + all + "\"]", ALL_TYPES).get("id").textValue();
        ManagementApi reader = admin.withToken("read-token");

        assertOk(reader.get("/gateways/gw/evaluations"));
        assertOk(reader.get("/gateways/gw/evaluations/" + id));
        assertOk(reader.get("/evaluation-types"));
        assertFrontDoorError(reader.post("/gateways/gw/evaluations", "{\"name\":\"y\",\"dataset_ids\":[\"" + all
                + "\"],\"evaluation_type_ids\":" + ALL_TYPES + "}"), 403, 10000, "Authentication error");
        assertFrontDoorError(reader.delete("/gateways/gw/evaluations/" + id), 403, 10000, "Authentication error");
        assertFrontDoorError(admin.withoutCredentials().get("/evaluation-types"), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertThat(assertOk(admin.get("/gateways/gw/evaluations"))).hasSize(1);
    }

    @Test
    void evaluationTypesAreTheFixedCatalogueMandatoryFirst() {
        JsonNode types = assertPage(admin.get("/evaluation-types"), 1, 20, 3, 3);

        assertThat(types).isEqualTo(json("""
                [{"id":"aig-eval-cost","name":"Cost","description":"Average cost of the requests, in USD",
                  "type":"cost","enable":true,"mandatory":true,
                  "created_at":"2024-10-01T00:00:00.000Z","modified_at":"2024-10-01T00:00:00.000Z"},
                 {"id":"aig-eval-speed","name":"Speed","description":"Average duration of the requests, in milliseconds",
                  "type":"speed","enable":true,"mandatory":true,
                  "created_at":"2024-10-01T00:00:00.000Z","modified_at":"2024-10-01T00:00:00.000Z"},
                 {"id":"aig-eval-human-feedback","name":"Human Feedback",
                  "description":"Share of thumbs up (feedback 1) among the requests rated thumbs up or down (1 or -1), in percent",
                  "type":"feedback","enable":true,"mandatory":false,
                  "created_at":"2024-10-01T00:00:00.000Z","modified_at":"2024-10-01T00:00:00.000Z"}]
                """));
        assertThat(ids(assertOk(admin.get("/evaluation-types?order_by=mandatory&order_by_direction=asc"))))
                .containsExactly("aig-eval-human-feedback", "aig-eval-cost", "aig-eval-speed");
        assertThat(ids(assertOk(admin.get("/evaluation-types?order_by=name&order_by_direction=asc"))))
                .containsExactly("aig-eval-cost", "aig-eval-human-feedback", "aig-eval-speed");
        assertThat(ids(assertPage(admin.get("/evaluation-types?per_page=5&page=2"), 2, 5, 0, 3))).isEmpty();
    }

    @Test
    void evaluationTypesRefuseABadQueryByName() {
        assertValidationError(admin.get("/evaluation-types?per_page=4"), "query", "per_page");
        assertValidationError(admin.get("/evaluation-types?per_page=51"), "query", "per_page");
        JsonNode order = assertValidationError(admin.get("/evaluation-types?order_by=nmae"), "query", "order_by");
        assertThat(order.get("message").textValue()).contains("did you mean \"name\"?");
        assertValidationError(admin.get("/evaluation-types?order_by_direction=up"), "query", "order_by_direction");
    }

    private static void assertCompleted(JsonNode result, String value, int totalLogs) {
        assertThat(result.get("result").textValue()).as("result of %s", result).isEqualTo(value);
        assertThat(result.get("status").intValue()).isEqualTo(2);
        assertThat(result.get("status_description").textValue()).isEqualTo("completed");
        assertThat(result.get("total_logs").intValue()).isEqualTo(totalLogs);
    }

    private static void assertError(JsonNode result) {
        assertThat(result.get("result").textValue()).as("result of %s", result).isEmpty();
        assertThat(result.get("status").intValue()).isEqualTo(3);
        assertThat(result.get("status_description").textValue()).isEqualTo("error");
        assertThat(result.get("total_logs").intValue()).isZero();
    }

    private static List<String> ids(JsonNode result) {
        return java.util.stream.StreamSupport.stream(result.spliterator(), false)
                .map(t -> t.get("id").textValue()).toList();
    }
}
