package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.proxy.ProxyClient.assertGatewayError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.PercentageMode;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code dynamic/{name}} through the compat endpoint (management-api-2.md 4.4-4.7). */
@Timeout(30)
class DynamicRoutingTest {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    /** openai's gpt-4o-mini (one retry), falling back to anthropic's claude-3-5-haiku. */
    static final String FALLBACK = """
            [{"id":"s","type":"start","outputs":{"next":{"elementId":"m1"}}},
             {"id":"m1","type":"model","properties":{"provider":"openai","model":"gpt-4o-mini","timeout":0,"retries":1},
              "outputs":{"success":{"elementId":"e"},"fallback":{"elementId":"m2"}}},
             {"id":"m2","type":"model","properties":{"provider":"anthropic","model":"claude-3-5-haiku","timeout":0,
              "retries":0},"outputs":{"success":{"elementId":"e"},"fallback":{"elementId":"e"}}},
             {"id":"e","type":"end","outputs":{}}]""";

    private final VirtualClock clock = VirtualClock.startingAt(T0);
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final ProxyClient client = new ProxyClient(emulator);
    private final ManagementApi api = ManagementApi.of(emulator);

    @BeforeEach
    void gateway() {
        emulator.createGateway("gw");
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private JsonNode route(String name, String elements) {
        return assertOk(api.post("/gateways/gw/routes", "{\"name\":\"" + name + "\",\"elements\":" + elements + "}"));
    }

    private HttpResponse<String> call(String model, String... headers) {
        return client.post(client.path("gw", "compat/chat/completions"), "{\"model\":\"" + model
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", headers);
    }

    private static String model(String provider, String model, int retries, String success, String fallback) {
        return "{\"id\":\"" + model + "\",\"type\":\"model\",\"properties\":{\"provider\":\"" + provider
                + "\",\"model\":\"" + model + "\",\"timeout\":0,\"retries\":" + retries + "},\"outputs\":{\"success\":"
                + "{\"elementId\":\"" + success + "\"}" + (fallback == null ? "" : ",\"fallback\":{\"elementId\":\""
                + fallback + "\"}") + "}}";
    }

    @Test
    void aFailingFirstModelFallsBackToASecondProvidersModel() {
        JsonNode created = route("support", FALLBACK);
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(503).build());
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(503).build());

        HttpResponse<String> response = call("dynamic/support");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("cf-aig-provider")).contains("anthropic");
        assertThat(response.headers().firstValue("cf-aig-model")).contains("claude-3-5-haiku");
        assertThat(response.headers().firstValue("cf-aig-step")).contains("1");
        assertThat(ProxyClient.json(response).get("choices").get(0).get("message").get("content").textValue())
                .contains("claude-3-5-haiku");

        Timeline timeline = emulator.timelines().get(0);
        assertThat(timeline.attempts()).extracting(Timeline.Attempt::step, Timeline.Attempt::provider,
                Timeline.Attempt::attempt, Timeline.Attempt::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, "openai", 1, 503),
                org.assertj.core.groups.Tuple.tuple(0, "openai", 2, 503),
                org.assertj.core.groups.Tuple.tuple(1, "anthropic", 1, 200));
        Timeline.Route route = timeline.route();
        assertThat(route.name()).isEqualTo("support");
        assertThat(route.routeId()).isEqualTo(created.get("id").asText());
        assertThat(route.versionId()).isEqualTo(created.get("version").get("version_id").asText());
        assertThat(route.visited()).containsExactly("s", "m1", "m2");
        assertThat(route.choices()).isEqualTo(Map.of("s", "next", "m1", "fallback", "m2", "success"));
        assertThat(route.visits().get(1).reason()).isEqualTo("http_error 503 after 2 attempts");
        assertThat(emulator.recordedRequests()).extracting(r -> r.provider()).containsExactly("openai", "openai",
                "anthropic");
    }

    @Test
    void theTimelineOfARouteIsTheSameOverTheControlApi() {
        route("support", FALLBACK);
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(503).build());
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(503).build());
        call("dynamic/support");

        dev.aigw.emulator.RemoteEmulator remote = dev.aigw.emulator.RemoteEmulator.connect(emulator.baseUrl(),
                emulator.accountId(), emulator.apiToken());

        assertThat(remote.timelines()).isEqualTo(emulator.timelines());
        assertThat(remote.timelines().get(0).route().visited()).containsExactly("s", "m1", "m2");
    }

    @Test
    void aModelFailureWithoutFallbackReachesTheClient() {
        route("only", "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"gpt-4o\"}}},"
                + model("openai", "gpt-4o", 0, "e", null) + ",{\"id\":\"e\",\"type\":\"end\"}]");
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(500).build());

        HttpResponse<String> response = call("dynamic/only");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("cf-aig-provider")).contains("openai");
        assertThat(emulator.timelines().get(0).route().visits().get(1).output()).isNull();
    }

    @Test
    void aSeventyThirtySplitFollowsTheSeededFormula() {
        JsonNode created = route("split", "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":"
                + "\"p\"}}},{\"id\":\"p\",\"type\":\"percentage\",\"outputs\":{\"70%\":{\"elementId\":\"gpt-4o\"},"
                + "\"30%\":{\"elementId\":\"claude-3-5-haiku\"}}}," + model("openai", "gpt-4o", 0, "e", null) + ","
                + model("anthropic", "claude-3-5-haiku", 0, "e", null) + ",{\"id\":\"e\",\"type\":\"end\"}]");
        emulator.routing(42, PercentageMode.SEEDED);
        String key = emulator.accountId() + "/gw/" + created.get("id").asText() + "/p";

        List<String> answered = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            answered.add(call("dynamic/split").headers().firstValue("cf-aig-provider").orElseThrow());
            expected.add(referenceU(42, key, n) < 70 ? "openai" : "anthropic");
        }

        assertThat(answered).isEqualTo(expected);
        assertThat(emulator.timelines().get(0).route().choices()).containsKey("p");
    }

    @Test
    void weightedRoundRobinGivesItsFixedSequence() {
        route("split", "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"p\"}}},"
                + "{\"id\":\"p\",\"type\":\"percentage\",\"outputs\":{\"70%\":{\"elementId\":\"gpt-4o\"},"
                + "\"else\":{\"elementId\":\"claude-3-5-haiku\"}}}," + model("openai", "gpt-4o", 0, "e", null) + ","
                + model("anthropic", "claude-3-5-haiku", 0, "e", null) + ",{\"id\":\"e\",\"type\":\"end\"}]");
        emulator.routing(0, PercentageMode.WEIGHTED_ROUND_ROBIN);

        List<String> answered = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            answered.add(call("dynamic/split").headers().firstValue("cf-aig-provider").orElseThrow());
        }

        assertThat(answered).containsExactly("openai", "anthropic", "openai", "openai");
    }

    @Test
    void aBudgetNodeSwitchesToItsFallbackUntilTheWindowIsOver() {
        route("budget", "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"b\"}}},"
                + "{\"id\":\"b\",\"type\":\"rate\",\"properties\":{\"key\":\"metadata.user\",\"limit\":0.0000001,"
                + "\"limitType\":\"cost\",\"window\":60,\"technique\":\"fixed\"},\"outputs\":{\"success\":{\"elementId\":"
                + "\"gpt-4o\"},\"fallback\":{\"elementId\":\"claude-3-5-haiku\"}}},"
                + model("openai", "gpt-4o", 0, "e", null) + "," + model("anthropic", "claude-3-5-haiku", 0, "e", null)
                + ",{\"id\":\"e\",\"type\":\"end\"}]");
        String[] user = {"cf-aig-metadata", "{\"user\":\"u-1\"}"};

        assertThat(call("dynamic/budget", user).headers().firstValue("cf-aig-provider")).contains("openai");
        assertThat(call("dynamic/budget", user).headers().firstValue("cf-aig-provider")).contains("anthropic");
        assertThat(call("dynamic/budget", "cf-aig-metadata", "{\"user\":\"u-2\"}").headers()
                .firstValue("cf-aig-provider")).contains("openai");
        Timeline.Route spent = emulator.timelines().get(1).route();
        assertThat(spent.choices()).containsEntry("b", "fallback");
        assertThat(spent.visits().get(1).reason()).contains("budget limit").contains("u-1");

        clock.advance(Duration.ofSeconds(60));

        assertThat(call("dynamic/budget", user).headers().firstValue("cf-aig-provider")).contains("openai");
    }

    @Test
    void aRateNodeWithoutFallbackAnswers429() {
        route("rate", "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"r\"}}},"
                + "{\"id\":\"r\",\"type\":\"rate_limit\",\"properties\":{\"key\":\"headers.x-team\",\"limit\":1,"
                + "\"limitType\":\"count\",\"interval\":10},\"outputs\":{\"success\":{\"elementId\":\"gpt-4o\"}}},"
                + model("openai", "gpt-4o", 0, "e", null) + ",{\"id\":\"e\",\"type\":\"end\"}]");

        assertThat(call("dynamic/rate", "x-team", "a").statusCode()).isEqualTo(200);
        assertGatewayError(call("dynamic/rate", "x-team", "a"), 429, 2003, "Rate limited");
        clock.advance(Duration.ofSeconds(10));
        assertThat(call("dynamic/rate", "x-team", "a").statusCode()).isEqualTo(200);
    }

    @Test
    void aConditionalReadsMetadataAndTheBody() {
        route("cond", "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"c\"}}},"
                + "{\"id\":\"c\",\"type\":\"conditional\",\"properties\":{\"conditions\":{\"$or\":[{\"user_plan\":"
                + "\"paid\"},{\"body.messages.0.content\":{\"$eq\":\"VIP\"}}]}},\"outputs\":{\"true\":{\"elementId\":"
                + "\"gpt-4o\"},\"false\":{\"elementId\":\"claude-3-5-haiku\"}}},"
                + model("openai", "gpt-4o", 0, "e", null) + "," + model("anthropic", "claude-3-5-haiku", 0, "e", null)
                + ",{\"id\":\"e\",\"type\":\"end\"}]");

        assertThat(call("dynamic/cond", "cf-aig-metadata", "{\"user_plan\":\"paid\"}").headers()
                .firstValue("cf-aig-provider")).contains("openai");
        assertThat(call("dynamic/cond", "cf-aig-metadata", "{\"user_plan\":\"free\"}").headers()
                .firstValue("cf-aig-provider")).contains("anthropic");
        HttpResponse<String> vip = client.post(client.path("gw", "compat/chat/completions"),
                "{\"model\":\"dynamic/cond\",\"messages\":[{\"role\":\"user\",\"content\":\"VIP\"}]}");
        assertThat(vip.headers().firstValue("cf-aig-provider")).contains("openai");
    }

    @Test
    void aCycleStopsAfterThirtyTwoVisits() {
        route("loop", "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"a\"}}},"
                + "{\"id\":\"a\",\"type\":\"conditional\",\"outputs\":{\"true\":{\"elementId\":\"b\"},\"false\":"
                + "{\"elementId\":\"e\"}}},{\"id\":\"b\",\"type\":\"conditional\",\"outputs\":{\"true\":{\"elementId\":"
                + "\"a\"},\"false\":{\"elementId\":\"e\"}}},{\"id\":\"e\",\"type\":\"end\"}]");

        assertGatewayError(call("dynamic/loop"), 400, 2005, "Dynamic route 'loop' visited more than 32 elements");
    }

    @Test
    void anUnknownRouteIsNotFound() {
        assertGatewayError(call("dynamic/nope"), 400, 2005, "Dynamic route 'nope' not found");
    }

    @Test
    void aRenamedRouteServesUnderItsNewNameAtOnceAndADeletedOneStops() {
        String id = route("old", FALLBACK).get("id").asText();
        api.sendWithoutEnvelope("PATCH", "/gateways/gw/routes/" + id, "{\"name\":\"new\"}");

        assertThat(call("dynamic/new").statusCode()).isEqualTo(200);
        assertGatewayError(call("dynamic/old"), 400, 2005, "Dynamic route 'old' not found");
        api.delete("/gateways/gw/routes/" + id);
        assertGatewayError(call("dynamic/new"), 400, 2005, "Dynamic route 'new' not found");
    }

    @Test
    void theRoutingSeedIsSetAndReadOverTheControlApi() {
        HttpResponse<String> set = client.send("PUT", "/__emulator/routing",
                "{\"seed\":7,\"percentage_mode\":\"weighted_round_robin\"}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(ProxyClient.json(set)).isEqualTo(ProxyClient.parse(
                "{\"seed\":7,\"percentage_mode\":\"weighted_round_robin\"}"));
        assertThat(ProxyClient.json(client.send("GET", "/__emulator/routing", null)).get("seed").asLong())
                .isEqualTo(7);
        HttpResponse<String> bad = client.send("PUT", "/__emulator/routing", "{\"percentage_mode\":\"random\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ProxyClient.json(bad).get("errors").get(0).get("path").toString())
                .isEqualTo("[\"body\",\"percentage_mode\"]");
        dev.aigw.emulator.RemoteEmulator.connect(emulator.baseUrl()).routing(9, PercentageMode.SEEDED);
        assertThat(ProxyClient.json(client.send("GET", "/__emulator/routing", null))).isEqualTo(ProxyClient.parse(
                "{\"seed\":9,\"percentage_mode\":\"seeded\"}"));
    }

    @Test
    void aModelNodesTimeoutEndsItsAttemptAndTheFallbackAnswers() {
        route("slow", "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"m\"}}},"
                + "{\"id\":\"m\",\"type\":\"model\",\"properties\":{\"provider\":\"openai\",\"model\":\"gpt-4o\","
                + "\"timeout\":1000,\"retries\":0},\"outputs\":{\"success\":{\"elementId\":\"e\"},\"fallback\":"
                + "{\"elementId\":\"claude-3-5-haiku\"}}}," + model("anthropic", "claude-3-5-haiku", 0, "e", null)
                + ",{\"id\":\"e\",\"type\":\"end\"}]");
        emulator.script("openai").enqueue(UpstreamResponse.builder().latency(Duration.ofSeconds(5)).build());

        HttpResponse<String> response = call("dynamic/slow");

        assertThat(response.headers().firstValue("cf-aig-provider")).contains("anthropic");
        Timeline timeline = emulator.timelines().get(0);
        assertThat(timeline.attempts().get(0).outcome()).isEqualTo(Timeline.Outcome.TIMEOUT);
        assertThat(timeline.attempts().get(0).endOffsetMillis()).isEqualTo(1000);
        assertThat(timeline.attempts().get(1).startOffsetMillis()).isEqualTo(1000);
        assertThat(timeline.route().visits().get(1).reason()).isEqualTo("timeout after 1 attempt");
    }

    /** The spec's formula, written independently of the emulator with unsigned 64-bit arithmetic. */
    static double referenceU(long seed, String key, long n) {
        BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        BigInteger hash = new BigInteger("cbf29ce484222325", 16);
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            hash = hash.xor(BigInteger.valueOf(b & 0xff)).multiply(new BigInteger("100000001b3", 16)).and(mask);
        }
        BigInteger z = BigInteger.valueOf(seed).and(mask).xor(hash).add(BigInteger.valueOf(n))
                .add(new BigInteger("9E3779B97F4A7C15", 16)).and(mask);
        z = z.xor(z.shiftRight(30)).multiply(new BigInteger("BF58476D1CE4E5B9", 16)).and(mask);
        z = z.xor(z.shiftRight(27)).multiply(new BigInteger("94D049BB133111EB", 16)).and(mask);
        z = z.xor(z.shiftRight(31));
        return z.shiftRight(11).doubleValue() / Math.pow(2, 53) * 100;
    }
}
