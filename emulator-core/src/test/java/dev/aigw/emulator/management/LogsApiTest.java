package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertFrontDoorError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertNotFound;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertPage;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Logs API (management-api.md L1 to L6) over five logged requests, one second apart:
 * <ol>
 *   <li>openai gpt-4o-mini, 200, stored in the cache, metadata {@code team=ai, user=u-1}, event id
 *       {@code evt-1}, user agent {@code ua-a};</li>
 *   <li>anthropic claude-sonnet-4-5 (native), 200, 700 ms upstream latency;</li>
 *   <li>openai gpt-4o, a scripted 500 (no usage block);</li>
 *   <li>workers-ai {@code @cf/meta/llama-3.1-8b-instruct}, 200;</li>
 *   <li>the first request again: a cache hit, metadata {@code team=ml}.</li>
 * </ol>
 * Results are named by those numbers; the list is newest first unless told otherwise.
 */
@Timeout(30)
class LogsApiTest {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final String CHAT =
            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private final VirtualClock clock = VirtualClock.startingAt(T0);
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).account("second-account")
            .token(new ApiToken("admin", Set.of(ApiToken.ANY_ACCOUNT), EnumSet.allOf(Permission.class)))
            .token(ApiToken.of("reader", AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.READ))
            .build().start();
    private final ManagementApi api = ManagementApi.of(emulator);
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void traffic() {
        api.createGateway(GatewayBodies.minimal("gw"));
        ids.add(proxy("openai/chat/completions", CHAT, "cf-aig-cache-ttl", "300",
                "cf-aig-metadata", "{\"team\":\"ai\",\"user\":\"u-1\"}", "cf-aig-event-id", "evt-1",
                "user-agent", "ua-a"));
        at(1);
        emulator.script("anthropic").enqueue(UpstreamResponse.builder().latency(Duration.ofMillis(700)).build());
        ids.add(proxy("anthropic/v1/messages", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", "x-api-key", "sk-ant"));
        at(2);
        emulator.script("openai").enqueue(UpstreamResponse.status(500));
        ids.add(proxy("openai/chat/completions", CHAT.replace("gpt-4o-mini", "gpt-4o")));
        at(3);
        ids.add(proxy("workers-ai/@cf/meta/llama-3.1-8b-instruct", "{\"prompt\":\"Hi\"}"));
        at(4);
        ids.add(proxy("openai/chat/completions", CHAT, "cf-aig-cache-ttl", "300",
                "cf-aig-metadata", "{\"team\":\"ml\"}"));
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private void at(int seconds) {
        clock.advance(Duration.between(clock.now(), T0.plusSeconds(seconds)));
    }

    private String proxy(String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.gatewayUrl("gw") + "/" + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.headers().firstValue("cf-aig-log-id").orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Lists with a raw query and answers the requests' numbers (1 to 5) in the order returned. */
    private List<Integer> list(String query) {
        JsonNode result = assertOk(api.get("/gateways/gw/logs" + (query.isEmpty() ? "" : "?" + query)));
        return StreamSupport.stream(result.spliterator(), false).map(e -> ids.indexOf(e.get("id").textValue()) + 1)
                .toList();
    }

    private List<Integer> jsonFilter(String key, String operator, String values) {
        return list("filters=" + encode("[{\"key\":\"" + key + "\",\"operator\":\"" + operator + "\",\"value\":["
                + values + "]}]"));
    }

    private ApiReply badQuery(String query) {
        return api.get("/gateways/gw/logs?" + query);
    }

    @Test
    void theListIsNewestFirstByDefault() {
        assertThat(list("")).containsExactly(5, 4, 3, 2, 1);
        assertThat(list("order_by_direction=asc")).containsExactly(1, 2, 3, 4, 5);
        assertThat(list("direction=asc")).as("the deprecated direction").containsExactly(1, 2, 3, 4, 5);
    }

    @ParameterizedTest(name = "{0} {1} [{2}] -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            provider              | eq       | "anthropic"                     | 2
            provider              | eq       | "anthropic","workers-ai"        | 4,2
            provider              | neq      | "openai"                        | 4,2
            model                 | contains | "4O"                            | 5,3,1
            model                 | eq       | "@cf/meta/llama-3.1-8b-instruct" | 4
            success               | eq       | false                           | 3
            success               | eq       | "true"                          | 5,4,2,1
            cached                | eq       | true                            | 5
            created_at            | gt       | "2026-06-01T09:00:02Z"          | 5,4
            created_at            | lt       | "2026-06-01T09:00:01Z"          | 1
            created_at            | eq       | "2026-06-01T09:00:03.000Z"      | 4
            duration              | gt       | 500                             | 2
            duration              | eq       | "700"                           | 2
            tokens_in             | eq       | null                            | 3
            tokens_in             | gt       | 0                               | 5,4,2,1
            tokens_out            | lt       | 100000                          | 5,4,2,1
            tokens                | gt       | 0                               | 5,4,2,1
            cost                  | gt       | 0                               | 4,2,1
            cost                  | eq       | 0                               | 5,3
            event_id              | eq       | "evt-1"                         | 1
            metadata.key          | eq       | "team"                          | 5,1
            metadata.key          | eq       | "user"                          | 1
            metadata.value        | eq       | "ml"                            | 5
            metadata.value        | contains | "U-"                            | 1
            request_type          | eq       | "provider"                      | 5,4,3,2,1
            request_content_type  | eq       | "application/json"              | 5,4,3,2,1
            response_content_type | neq      | "application/json"              | ''
            model_type            | eq       | null                            | 5,4,3,2,1
            dlp_action            | eq       | null                            | 5,4,3,2,1
            wholesale             | eq       | false                           | 5,4,3,2,1
            compatibilityMode     | eq       | true                            | ''
            authentication        | eq       | false                           | 5,4,3,2,1
            user_agent            | eq       | "ua-a"                          | 1
            feedback              | eq       | null                            | 5,4,3,2,1
            """)
    void everyFilterKeySelectsByItsField(String key, String operator, String values, String expected) {
        List<Integer> numbers = expected.isEmpty() ? List.of()
                : Arrays.stream(expected.split(",")).map(Integer::valueOf).toList();

        assertThat(jsonFilter(key, operator, values)).containsExactlyElementsOf(numbers);
    }

    @Test
    void theIdFilterFindsOneEntry() {
        assertThat(jsonFilter("id", "eq", "\"" + ids.get(2) + "\"")).containsExactly(3);
    }

    @Test
    void theFeedbackFilterSeesFeedbackSetThroughPatch() {
        assertOk(api.send("PATCH", "/gateways/gw/logs/" + ids.get(1),
                HttpRequest.BodyPublishers.ofString("{\"feedback\":1}")));
        assertOk(api.send("PATCH", "/gateways/gw/logs/" + ids.get(3),
                HttpRequest.BodyPublishers.ofString("{\"feedback\":-1}")));

        assertThat(jsonFilter("feedback", "eq", "1")).containsExactly(2);
        assertThat(jsonFilter("feedback", "lt", "0")).containsExactly(4);
        assertThat(list("feedback=1")).as("the deprecated feedback=1 is positive").containsExactly(2);
        assertThat(list("feedback=0")).as("the deprecated feedback=0 is negative").containsExactly(4);
    }

    @Test
    void severalFiltersMustAllMatch() {
        assertThat(list("filters=" + encode("[{\"key\":\"provider\",\"operator\":\"eq\",\"value\":[\"openai\"]},"
                + "{\"key\":\"success\",\"operator\":\"eq\",\"value\":[true]}]"))).containsExactly(5, 1);
    }

    @Test
    void theBracketEncodingCarriesSeveralFiltersAndValues() {
        String query = encode("filters[0][key]") + "=provider&" + encode("filters[0][operator]") + "=eq&"
                + encode("filters[0][value][0]") + "=openai&" + encode("filters[0][value][1]") + "=anthropic&"
                + encode("filters[1][key]") + "=cached&" + encode("filters[1][operator]") + "=eq&"
                + encode("filters[1][value][0]") + "=false";

        assertThat(list(query)).containsExactly(3, 2, 1);
    }

    @Test
    void theBracketEncodingAcceptsEmptyValueIndexes() {
        String query = encode("filters[0][key]") + "=model&" + encode("filters[0][operator]") + "=eq&"
                + encode("filters[0][value][]") + "=gpt-4o&" + encode("filters[0][value][]") + "=gpt-4o-mini";

        assertThat(list(query)).containsExactly(5, 3, 1);
    }

    @Test
    void theDottedEncodingOfTheOfficialSdkCarriesOneFilter() {
        assertThat(list("filters.key=model&filters.operator=contains&filters.value=4o")).containsExactly(5, 3, 1);
        assertThat(list("filters.key=provider&filters.operator=eq&filters.value=anthropic&filters.value=workers-ai"))
                .containsExactly(4, 2);
    }

    @Test
    void encodingsCombineAndAllMustMatch() {
        assertThat(list("filters.key=provider&filters.operator=eq&filters.value=openai&filters="
                + encode("[{\"key\":\"cached\",\"operator\":\"eq\",\"value\":[false]}]"))).containsExactly(3, 1);
    }

    @Test
    void theDeprecatedOneValueParametersEachActAsAFilter() {
        assertThat(list("provider=anthropic")).containsExactly(2);
        assertThat(list("model=gpt-4o")).containsExactly(3);
        assertThat(list("success=false")).containsExactly(3);
        assertThat(list("cached=true")).containsExactly(5);
        assertThat(list("request_content_type=application%2Fjson")).hasSize(5);
        assertThat(list("response_content_type=text%2Fplain")).isEmpty();
        assertThat(list("model_type=chat")).isEmpty();
        assertThat(list("start_date=2026-06-01T09%3A00%3A01Z&end_date=2026-06-01T09%3A00%3A03Z"))
                .as("inclusive bounds").containsExactly(4, 3, 2);
        assertThat(list("min_duration=700&max_duration=700")).containsExactly(2);
        assertThat(list("min_cost=0.0000001")).containsExactly(4, 2, 1);
        assertThat(list("max_cost=0")).containsExactly(5, 3);
        assertThat(list("min_tokens_in=1&max_tokens_out=1000000")).containsExactly(5, 4, 2, 1);
        assertThat(list("min_total_tokens=1")).containsExactly(5, 4, 2, 1);
        assertThat(list("max_total_tokens=0")).isEmpty();
    }

    @Test
    void searchIsACaseInsensitiveSubstringOfIdProviderModelOrPath() {
        assertThat(list("search=ANTHROPIC")).containsExactly(2);
        assertThat(list("search=completions")).containsExactly(5, 3, 1);
        assertThat(list("search=llama")).containsExactly(4);
        assertThat(list("search=" + ids.get(2).substring(20))).containsExactly(3);
        assertThat(list("search=nothing-like-this")).isEmpty();
    }

    @Test
    void orderByAFieldBreaksTiesByCreationTimeInTheSameDirection() {
        assertThat(list("order_by=provider&order_by_direction=asc")).containsExactly(2, 1, 3, 5, 4);
        assertThat(list("order_by=provider")).as("descending by default").containsExactly(4, 5, 3, 1, 2);
        assertThat(list("order_by=cached&order_by_direction=asc")).containsExactly(1, 2, 3, 4, 5);
        assertThat(list("order_by=success&order_by_direction=desc")).containsExactly(5, 4, 2, 1, 3);
        assertThat(list("order_by=model_type&order_by_direction=asc")).containsExactly(1, 2, 3, 4, 5);
        assertThat(list("order_by=model&order_by_direction=asc")).containsExactly(4, 2, 3, 1, 5);
    }

    @Test
    void pagesAreTwentyByDefaultAtMostFiftyAndEmptyPastTheEnd() {
        assertPage(api.get("/gateways/gw/logs"), 1, 20, 5, 5);
        JsonNode second = assertPage(api.get("/gateways/gw/logs?per_page=2&page=2"), 2, 2, 2, 5);
        assertThat(second.get(0).get("id").textValue()).isEqualTo(ids.get(2));
        assertThat(second.get(1).get("id").textValue()).isEqualTo(ids.get(1));
        assertPage(api.get("/gateways/gw/logs?per_page=2&page=4"), 4, 2, 0, 5);
        assertPage(api.get("/gateways/gw/logs?per_page=50"), 1, 50, 5, 5);
        assertValidationError(api.get("/gateways/gw/logs?per_page=51"), "query", "per_page");
        assertValidationError(api.get("/gateways/gw/logs?page=0"), "query", "page");
    }

    @Test
    void summariesCarryTheLogFieldsButNotTheBodies() {
        JsonNode first = assertOk(api.get("/gateways/gw/logs?order_by_direction=asc")).get(0);

        assertThat(first.get("id").textValue()).isEqualTo(ids.get(0));
        assertThat(first.get("created_at").textValue()).isEqualTo("2026-06-01T09:00:00.000Z");
        assertThat(first.get("metadata").textValue()).isEqualTo("{\"team\":\"ai\",\"user\":\"u-1\"}");
        assertThat(first.has("request_head")).isFalse();
        assertThat(first.has("response_head")).isFalse();
    }

    @Test
    void metaInfoAddsTheRangesOfTheSelectedEntries() {
        ApiReply reply = api.get("/gateways/gw/logs?meta_info=true&filters=" + encode(
                "[{\"key\":\"cached\",\"operator\":\"eq\",\"value\":[false]}]"));

        List<LogEntry> selected = emulator.logs("gw").stream().filter(e -> !e.cached()).toList();
        JsonNode info = reply.json().get("result_info");
        assertThat(info.get("total_count").intValue()).isEqualTo(4);
        assertThat(info.get("min_cost").doubleValue()).isZero();
        assertThat(info.get("max_cost").doubleValue()).isEqualTo(selected.stream().mapToDouble(LogEntry::cost).max()
                .orElseThrow());
        assertThat(info.get("min_duration").longValue()).isZero();
        assertThat(info.get("max_duration").longValue()).isEqualTo(700);
        assertThat(info.get("min_tokens_in").intValue()).isEqualTo(selected.stream().filter(e -> e.tokensIn() != null)
                .mapToInt(LogEntry::tokensIn).min().orElseThrow());
        assertThat(info.get("max_tokens_out").intValue()).isEqualTo(selected.stream()
                .filter(e -> e.tokensOut() != null).mapToInt(LogEntry::tokensOut).max().orElseThrow());
        assertThat(info.has("min_total_tokens")).isTrue();
        assertThat(info.has("max_total_tokens")).isTrue();
        assertThat(api.get("/gateways/gw/logs").json().get("result_info").has("min_cost")).isFalse();
    }

    @Test
    void deleteRemovesTheOldestMatchingEntriesUpToTheLimit() {
        ApiReply reply = api.delete("/gateways/gw/logs?limit=2&filters=" + encode(
                "[{\"key\":\"provider\",\"operator\":\"eq\",\"value\":[\"openai\"]}]"));

        assertThat(reply.json()).isEqualTo(json("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":null}"));
        assertThat(list("")).containsExactly(5, 4, 2);
    }

    @Test
    void deleteTakesEntriesInTheOrderItIsGiven() {
        assertOk(api.delete("/gateways/gw/logs?limit=1&order_by=duration&order_by_direction=desc"));
        assertThat(list("")).containsExactly(5, 4, 3, 1);

        assertOk(api.delete("/gateways/gw/logs?limit=2&order_by=created_at&order_by_direction=desc"));
        assertThat(list("")).containsExactly(3, 1);

        assertOk(api.delete("/gateways/gw/logs"));
        assertThat(list("")).isEmpty();
    }

    @Test
    void patchSetsFeedbackScoreAndMetadataAndNullClears() {
        String path = "/gateways/gw/logs/" + ids.get(0);

        JsonNode result = assertOk(api.send("PATCH", path, HttpRequest.BodyPublishers.ofString(
                "{\"feedback\":1,\"score\":95.5,\"metadata\":{\"reviewed\":true,\"by\":\"qa\",\"round\":2}}")));

        assertThat(result).isEqualTo(json("{}"));
        JsonNode detail = assertOk(api.get(path));
        assertThat(detail.get("feedback").doubleValue()).isEqualTo(1.0);
        assertThat(detail.get("score").doubleValue()).isEqualTo(95.5);
        assertThat(detail.get("metadata").textValue()).isEqualTo("{\"reviewed\":true,\"by\":\"qa\",\"round\":2}");

        assertOk(api.send("PATCH", path, HttpRequest.BodyPublishers.ofString("{\"feedback\":null}")));
        JsonNode cleared = assertOk(api.get(path));
        assertThat(cleared.has("feedback")).isFalse();
        assertThat(cleared.get("score").doubleValue()).as("absent members keep their value").isEqualTo(95.5);
    }

    @Test
    void theStoredRequestAndResponseBodiesComeBackRawWithTheirContentType() {
        HttpResponse<byte[]> request = api.getRaw("/gateways/gw/logs/" + ids.get(0) + "/request");
        HttpResponse<byte[]> response = api.getRaw("/gateways/gw/logs/" + ids.get(0) + "/response");

        assertThat(request.statusCode()).isEqualTo(200);
        assertThat(request.headers().firstValue("content-type")).contains("application/json");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(CHAT);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(emulator.logs("gw").get(0).response().text().orElseThrow())
                .contains("\"object\":\"chat.completion\"");
    }

    @Test
    void aStreamedResponseComesBackAsTheEventStreamItWas() {
        String id = proxy("openai/chat/completions", "{\"model\":\"gpt-4o-mini\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        HttpResponse<byte[]> response = api.getRaw("/gateways/gw/logs/" + id + "/response");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/event-stream"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).startsWith("data: {")
                .endsWith("data: [DONE]\n\n");
    }

    @Test
    void anUnknownLogIsNotFoundOnEveryLogEndpoint() {
        assertNotFound(api.get("/gateways/gw/logs/01JADMCQQQBWH3NXZ5GCRN98DP"));
        assertNotFound(api.get("/gateways/gw/logs/01JADMCQQQBWH3NXZ5GCRN98DP/request"));
        assertNotFound(api.get("/gateways/gw/logs/01JADMCQQQBWH3NXZ5GCRN98DP/response"));
        assertNotFound(api.send("PATCH", "/gateways/gw/logs/01JADMCQQQBWH3NXZ5GCRN98DP",
                HttpRequest.BodyPublishers.ofString("{\"feedback\":1}")));
        assertNotFound(api.send("PATCH", "/gateways/gw/logs/01JADMCQQQBWH3NXZ5GCRN98DP",
                HttpRequest.BodyPublishers.ofString("{\"feedback\":7}")));
    }

    @Test
    void anUnknownGatewayIsNotFoundOnEveryLogEndpoint() {
        String id = ids.get(0);
        for (String gateway : List.of("missing", "Not-A-Valid-Id")) {
            assertNotFound(api.get("/gateways/" + gateway + "/logs"));
            assertNotFound(api.delete("/gateways/" + gateway + "/logs"));
            assertNotFound(api.get("/gateways/" + gateway + "/logs/" + id));
            assertNotFound(api.get("/gateways/" + gateway + "/logs/" + id + "/request"));
            assertNotFound(api.get("/gateways/" + gateway + "/logs/" + id + "/response"));
            assertNotFound(api.send("PATCH", "/gateways/" + gateway + "/logs/" + id,
                    HttpRequest.BodyPublishers.ofString("{\"feedback\":1}")));
        }
        assertThat(emulator.logs("gw")).hasSize(5);
    }

    @Test
    void feedbackAndScoreOutsideTheirRangesAreValidationErrors() {
        String path = "/gateways/gw/logs/" + ids.get(0);

        JsonNode feedback = assertValidationError(api.send("PATCH", path,
                HttpRequest.BodyPublishers.ofString("{\"feedback\":2}")), "body", "feedback");
        assertThat(feedback.get("message").textValue())
                .isEqualTo("Input Validation Error: feedback: expected a number from -1.0 to 1.0, got 2");
        JsonNode score = assertValidationError(api.send("PATCH", path,
                HttpRequest.BodyPublishers.ofString("{\"score\":100.5}")), "body", "score");
        assertThat(score.get("message").textValue())
                .isEqualTo("Input Validation Error: score: expected a number from 0.0 to 100.0, got 100.5");
        assertValidationError(api.send("PATCH", path, HttpRequest.BodyPublishers.ofString("{\"score\":-1}")),
                "body", "score");
        assertValidationError(api.send("PATCH", path, HttpRequest.BodyPublishers.ofString("{\"feedback\":\"up\"}")),
                "body", "feedback");
        assertValidationError(api.send("PATCH", path,
                HttpRequest.BodyPublishers.ofString("{\"metadata\":{\"nested\":{\"no\":1}}}")), "body", "metadata",
                "nested");
        assertValidationError(api.send("PATCH", path, HttpRequest.BodyPublishers.ofString("[1]")), "body");
        assertThat(assertOk(api.get(path)).has("feedback")).as("a refused patch changes nothing").isFalse();
    }

    @Test
    void unreadableFiltersAreValidationErrorsNamingTheFilterAndMember() {
        assertThat(assertValidationError(badQuery("filters=" + encode("not json")), "query", "filters")
                .get("message").textValue())
                .isEqualTo("Input Validation Error: filters: expected a JSON array of filters, got \"not json\"");
        assertThat(assertValidationError(badQuery("filters=" + encode(
                "[{\"key\":\"colour\",\"operator\":\"eq\",\"value\":[\"red\"]}]")), "query", "filters")
                .get("message").textValue()).startsWith("Input Validation Error: filters[0].key: expected one of "
                        + "\"id\", \"created_at\"").endsWith(", got \"colour\"");
        assertThat(assertValidationError(badQuery("filters=" + encode(
                "[{\"key\":\"model\",\"operator\":\"lt\",\"value\":[\"a\"]}]")), "query", "filters")
                .get("message").textValue()).isEqualTo("Input Validation Error: filters[0].operator: expected one of"
                        + " \"eq\", \"neq\", \"contains\" for \"model\" (a string), got \"lt\"");
        assertThat(assertValidationError(badQuery("filters=" + encode(
                "[{\"key\":\"duration\",\"operator\":\"gt\",\"value\":[\"slow\"]}]")), "query", "filters")
                .get("message").textValue()).isEqualTo(
                        "Input Validation Error: filters[0].value: expected a number for \"duration\", got \"slow\"");
        assertThat(assertValidationError(badQuery("filters=" + encode(
                "[{\"key\":\"success\",\"operator\":\"eq\",\"value\":[\"maybe\"]}]")), "query", "filters")
                .get("message").textValue()).isEqualTo(
                        "Input Validation Error: filters[0].value: expected a boolean for \"success\", got \"maybe\"");
        assertThat(assertValidationError(badQuery("filters=" + encode(
                "[{\"key\":\"created_at\",\"operator\":\"gt\",\"value\":[\"yesterday\"]}]")), "query", "filters")
                .get("message").textValue()).contains("expected an ISO-8601 date-time");
        assertThat(assertValidationError(badQuery("filters=" + encode(
                "[{\"key\":\"model\",\"operator\":\"eq\",\"value\":[]}]")), "query", "filters")
                .get("message").textValue()).isEqualTo(
                        "Input Validation Error: filters[0].value: expected an array of at least one value");
        assertThat(assertValidationError(badQuery("filters=" + encode(
                "[{\"key\":\"model\",\"operator\":\"eq\",\"value\":\"gpt\"}]")), "query", "filters")
                .get("message").textValue()).isEqualTo(
                        "Input Validation Error: filters[0].value: expected an array of values, got \"gpt\"");
        assertThat(assertValidationError(badQuery(encode("filters[0][key]") + "=model&"
                + encode("filters[0][value][0]") + "=gpt"), "query", "filters").get("message").textValue())
                .isEqualTo("Input Validation Error: filters[0].operator is required");
        assertThat(assertValidationError(badQuery("filters.operator=eq&filters.value=x"), "query", "filters")
                .get("message").textValue()).isEqualTo("Input Validation Error: filters.key is required");
        assertThat(assertValidationError(badQuery("filters.key=model&filters.key=provider&filters.operator=eq"
                + "&filters.value=x"), "query", "filters").get("message").textValue())
                .startsWith("Input Validation Error: filters.key: the dotted form carries one filter, got 2 keys");
    }

    @Test
    void badOrderingPagingAndDeprecatedValuesAreValidationErrors() {
        assertThat(assertValidationError(badQuery("order_by=cost"), "query", "order_by").get("message").textValue())
                .isEqualTo("Input Validation Error: order_by: expected one of \"created_at\", \"provider\", \"model\","
                        + " \"model_type\", \"success\", \"cached\", got \"cost\"");
        assertValidationError(badQuery("order_by_direction=up"), "query", "order_by_direction");
        assertValidationError(badQuery("direction=sideways"), "query", "direction");
        assertValidationError(badQuery("meta_info=yes"), "query", "meta_info");
        assertValidationError(badQuery("success=maybe"), "query", "success");
        assertValidationError(badQuery("min_duration=long"), "query", "min_duration");
        assertValidationError(badQuery("start_date=monday"), "query", "start_date");
        assertValidationError(badQuery("feedback=2"), "query", "feedback");
        assertValidationError(api.delete("/gateways/gw/logs?limit=0"), "query", "limit");
        assertValidationError(api.delete("/gateways/gw/logs?limit=10001"), "query", "limit");
        assertValidationError(api.delete("/gateways/gw/logs?order_by=colour"), "query", "order_by");
        assertValidationError(api.delete("/gateways/gw/logs?filters=" + encode("{")), "query", "filters");
        assertThat(emulator.logs("gw")).as("a refused delete deletes nothing").hasSize(5);
    }

    @Test
    void readingNeedsReadAndChangingNeedsEdit() {
        ManagementApi reader = api.withToken("reader");
        String path = "/gateways/gw/logs/" + ids.get(0);

        assertOk(reader.get("/gateways/gw/logs"));
        assertOk(reader.get(path));
        assertThat(reader.getRaw(path + "/request").statusCode()).isEqualTo(200);
        assertFrontDoorError(reader.delete("/gateways/gw/logs"), 403, 10000, "Authentication error");
        assertFrontDoorError(reader.send("PATCH", path, HttpRequest.BodyPublishers.ofString("{\"score\":1}")), 403,
                10000, "Authentication error");
        assertFrontDoorError(api.withoutCredentials().get("/gateways/gw/logs"), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertThat(emulator.logs("gw")).hasSize(5);
    }

    @Test
    void logsOfOtherAccountsAreInvisible() {
        api.forAccount("second-account").createGateway(GatewayBodies.minimal("gw"));

        assertPage(api.forAccount("second-account").get("/gateways/gw/logs"), 1, 20, 0, 0);
        assertNotFound(api.forAccount("second-account").get("/gateways/gw/logs/" + ids.get(0)));
    }

    @Test
    void manyEntriesPageConsistently() {
        IntStream.range(0, 55).forEach(i -> proxy("openai/chat/completions", CHAT, "cf-aig-cache-ttl", "0"));

        List<String> seen = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode result = assertOk(api.get("/gateways/gw/logs?per_page=50&page=" + page));
            if (result.isEmpty()) {
                break;
            }
            result.forEach(e -> seen.add(e.get("id").textValue()));
        }

        assertThat(seen).hasSize(60).doesNotHaveDuplicates();
    }
}
