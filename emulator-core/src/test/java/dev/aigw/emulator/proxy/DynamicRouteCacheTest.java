package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.PercentageMode;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cache of {@code dynamic/{name}} requests (management-api-2.md 4.4): keyed on the client's request, looked up
 * before the route is walked, so a HIT answers the stored reply with its provider and model and walks nothing.
 */
@Timeout(30)
class DynamicRouteCacheTest {

    private static final String ONE_MODEL = "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":"
            + "\"m\"}}},{\"id\":\"m\",\"type\":\"model\",\"properties\":{\"provider\":\"openai\",\"model\":\"gpt-4o\","
            + "\"timeout\":0,\"retries\":0},\"outputs\":{\"success\":{\"elementId\":\"e\"}}},"
            + "{\"id\":\"e\",\"type\":\"end\"}]";
    private static final String SPLIT = "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":"
            + "\"p\"}}},{\"id\":\"p\",\"type\":\"percentage\",\"outputs\":{\"70%\":{\"elementId\":\"a\"},"
            + "\"30%\":{\"elementId\":\"b\"}}},{\"id\":\"a\",\"type\":\"model\",\"properties\":{\"provider\":\"openai\","
            + "\"model\":\"gpt-4o\",\"timeout\":0,\"retries\":0},\"outputs\":{\"success\":{\"elementId\":\"e\"}}},"
            + "{\"id\":\"b\",\"type\":\"model\",\"properties\":{\"provider\":\"anthropic\",\"model\":"
            + "\"claude-3-5-haiku\",\"timeout\":0,\"retries\":0},\"outputs\":{\"success\":{\"elementId\":\"e\"}}},"
            + "{\"id\":\"e\",\"type\":\"end\"}]";

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-06-01T09:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final ProxyClient client = new ProxyClient(emulator);
    private final ManagementApi api = ManagementApi.of(emulator);

    @BeforeEach
    void gateway() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofMinutes(5)).build());
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private JsonNode route(String name, String elements) {
        return assertOk(api.post("/gateways/gw/routes", "{\"name\":\"" + name + "\",\"elements\":" + elements + "}"));
    }

    private HttpResponse<String> ask(String model, String content, String... headers) {
        return client.post(client.path("gw", "compat/chat/completions"), "{\"model\":\"" + model
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}", headers);
    }

    @Test
    void aSecondIdenticalRequestIsAHitWithTheStoredProviderAndModelAndCallsNoModel() {
        route("support", DynamicRoutingTest.FALLBACK);
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(503).build());
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(503).build());

        HttpResponse<String> first = ask("dynamic/support", "Hi");
        HttpResponse<String> second = ask("dynamic/support", "Hi");

        assertThat(first.headers().firstValue("cf-aig-cache-status")).contains("MISS");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("cf-aig-cache-status")).contains("HIT");
        assertThat(second.headers().firstValue("cf-aig-provider")).contains("anthropic");
        assertThat(second.headers().firstValue("cf-aig-model")).contains("claude-3-5-haiku");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(emulator.recordedRequests()).extracting(RecordedRequest::provider)
                .containsExactly("openai", "openai", "anthropic");
        assertThat(emulator.timelines()).hasSize(1);
        assertThat(emulator.logs("gw")).extracting(LogEntry::provider, LogEntry::model, LogEntry::cached)
                .containsExactlyInAnyOrder(tuple("anthropic", "claude-3-5-haiku", false),
                        tuple("anthropic", "claude-3-5-haiku", true));
    }

    @Test
    void aHitDoesNotConsumeTheNextPickOfASeventyThirtySplit() {
        JsonNode created = route("split", SPLIT);
        String key = emulator.accountId() + "/gw/" + created.get("id").asText() + "/p";
        // A seed whose 2nd and 3rd picks differ, so a hit that consumed a pick would show.
        long seed = LongStream.range(0, 1000).filter(s -> !pick(s, key, 1).equals(pick(s, key, 2))).findFirst()
                .orElseThrow();
        emulator.routing(seed, PercentageMode.SEEDED);
        String firstPick = pick(seed, key, 0);
        String secondPick = pick(seed, key, 1);

        HttpResponse<String> first = ask("dynamic/split", "Hi");
        HttpResponse<String> hit = ask("dynamic/split", "Hi");
        HttpResponse<String> miss = ask("dynamic/split", "Hello");

        assertThat(first.headers().firstValue("cf-aig-provider")).contains(firstPick);
        assertThat(hit.headers().firstValue("cf-aig-cache-status")).contains("HIT");
        assertThat(hit.headers().firstValue("cf-aig-provider")).contains(firstPick);
        assertThat(miss.headers().firstValue("cf-aig-cache-status")).contains("MISS");
        assertThat(miss.headers().firstValue("cf-aig-provider")).contains(secondPick);
        assertThat(emulator.recordedRequests()).hasSize(2);
    }

    /** The provider the spec's formula picks as the {@code n}th (0-based) of the 70/30 split. */
    private static String pick(long seed, String key, long n) {
        return DynamicRoutingTest.referenceU(seed, key, n) < 70 ? "openai" : "anthropic";
    }

    @Test
    void aHitDoesNotCountAgainstARateNode() {
        route("rate", "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"r\"}}},"
                + "{\"id\":\"r\",\"type\":\"rate_limit\",\"properties\":{\"key\":\"headers.x-team\",\"limit\":2,"
                + "\"limitType\":\"count\",\"interval\":60},\"outputs\":{\"success\":{\"elementId\":\"m\"}}},"
                + ONE_MODEL.substring(ONE_MODEL.indexOf("{\"id\":\"m\"")));

        assertThat(ask("dynamic/rate", "Hi", "x-team", "a").statusCode()).isEqualTo(200);
        assertThat(ask("dynamic/rate", "Hi", "x-team", "a").headers().firstValue("cf-aig-cache-status"))
                .contains("HIT");
        HttpResponse<String> second = ask("dynamic/rate", "Hello", "x-team", "a");
        HttpResponse<String> third = ask("dynamic/rate", "Bye", "x-team", "a");

        assertThat(second.statusCode()).as("the hit left the second of two calls").isEqualTo(200);
        assertThat(third.statusCode()).isEqualTo(429);
    }

    @Test
    void aNewDeploymentDoesNotInvalidateTheEntry() {
        JsonNode created = route("support", ONE_MODEL);
        ask("dynamic/support", "Hi");
        String routeId = created.get("id").asText();
        String other = ONE_MODEL.replace("\"openai\",\"model\":\"gpt-4o\"",
                "\"anthropic\",\"model\":\"claude-3-5-haiku\"");
        String versionId = assertOk(api.post("/gateways/gw/routes/" + routeId + "/versions",
                "{\"elements\":" + other + "}")).get("version_id").asText();
        assertOk(api.post("/gateways/gw/routes/" + routeId + "/deployments", "{\"version_id\":\"" + versionId + "\"}"));

        HttpResponse<String> again = ask("dynamic/support", "Hi");

        assertThat(again.headers().firstValue("cf-aig-cache-status")).contains("HIT");
        assertThat(again.headers().firstValue("cf-aig-provider")).contains("openai");
        assertThat(again.headers().firstValue("cf-aig-model")).contains("gpt-4o");
        assertThat(emulator.recordedRequests()).extracting(RecordedRequest::provider).containsExactly("openai");
        assertThat(ask("dynamic/support", "Hello").headers().firstValue("cf-aig-provider")).contains("anthropic");
    }

    @Test
    void skipCacheWalksTheRouteAgain() {
        route("support", ONE_MODEL);
        ask("dynamic/support", "Hi");

        HttpResponse<String> skipped = ask("dynamic/support", "Hi", "cf-aig-skip-cache", "true");

        assertThat(skipped.statusCode()).isEqualTo(200);
        assertThat(skipped.headers().firstValue("cf-aig-cache-status")).isEmpty();
        assertThat(skipped.headers().firstValue("cf-aig-step")).contains("0");
        assertThat(emulator.recordedRequests()).hasSize(2);
        assertThat(emulator.timelines()).hasSize(2);
    }

    @Test
    void aCustomCacheKeyNamesTheEntryOfARouteRequest() {
        route("support", ONE_MODEL);
        ask("dynamic/support", "Hi", "cf-aig-cache-key", "k1");

        HttpResponse<String> other = ask("dynamic/support", "Something else", "cf-aig-cache-key", "k1");

        assertThat(other.headers().firstValue("cf-aig-cache-status")).contains("HIT");
        assertThat(other.headers().firstValue("cf-aig-model")).contains("gpt-4o");
        assertThat(emulator.recordedRequests()).hasSize(1);
    }

    @Test
    void aRouteAnswerThatIsNotSuccessIsNotStored() {
        route("support", ONE_MODEL);
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(500).build());

        HttpResponse<String> failed = ask("dynamic/support", "Hi");
        HttpResponse<String> again = ask("dynamic/support", "Hi");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("cf-aig-cache-status")).contains("MISS");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("cf-aig-cache-status")).contains("MISS");
        assertThat(emulator.recordedRequests()).hasSize(2);
    }

    @Test
    void aUniversalStepNamingARouteIsAnsweredFromTheCache() {
        route("support", ONE_MODEL);
        String step = "[{\"provider\":\"compat\",\"endpoint\":\"chat/completions\",\"headers\":{},\"query\":"
                + "{\"model\":\"dynamic/support\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}}]";
        client.post(client.path("gw", ""), step);

        HttpResponse<String> again = client.post(client.path("gw", ""), step);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("cf-aig-cache-status")).contains("HIT");
        assertThat(again.headers().firstValue("cf-aig-step")).contains("0");
        assertThat(again.headers().firstValue("cf-aig-provider")).contains("openai");
        assertThat(again.headers().firstValue("cf-aig-model")).contains("gpt-4o");
        assertThat(emulator.recordedRequests()).hasSize(1);
    }
}
