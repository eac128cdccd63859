package dev.aigw.emulator.billing;

import static dev.aigw.emulator.billing.PricedTraffic.assertGatewayError;
import static dev.aigw.emulator.billing.PricedTraffic.costing;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A gateway's spend-limit rules (proxy.md 6.5) on requests carrying their own provider key, each gpt-4o reply costing
 * 1 USD: checked before the upstream call, costs recorded when a request completes.
 */
@Timeout(60)
class SpendLimitsTest {

    private static final String OWN_KEY = "Bearer sk-own-key";

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-08-03T10:59:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final PricedTraffic traffic = new PricedTraffic(emulator);

    @BeforeEach
    void everyReplyCostsOneDollar() {
        traffic.everyReplyCostsOneDollar();
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private void rules(String rules) {
        emulator.createGateway("gw", GatewaySettings.builder()
                .spendLimits("{\"enabled\":true,\"rules\":[" + rules + "]}").build());
    }

    private HttpResponse<String> chat(String... headers) {
        List<String> all = new ArrayList<>(List.of("authorization", OWN_KEY));
        all.addAll(List.of(headers));
        return traffic.chat("gw", all.toArray(String[]::new));
    }

    private HttpResponse<String> chatWith(String model) {
        return traffic.send("gw", "openai/chat/completions", PricedTraffic.CHAT.replace("gpt-4o", model),
                "authorization", OWN_KEY);
    }

    @Test
    void aSpentFixedWindowRefusesWith429AndItsRuleUntilTheWindowRolls() {
        rules("{\"id\":\"hourly\",\"limit\":1,\"limitType\":\"cost\",\"window\":3600}");
        String message = "Spend limit exceeded: rule 'hourly' (cost limit 1 per 3600s, fixed) for openai gpt-4o";

        assertThat(chat().statusCode()).isEqualTo(200);
        HttpResponse<String> refused = chat();

        assertGatewayError(refused, 429, 2041, message);
        traffic.assertRefusedAndRecorded("gw", refused, 429, 2041, message);
        assertThat(emulator.recordedRequests()).hasSize(1);
        clock.advance(Duration.ofSeconds(59));
        assertGatewayError(chat(), 429, 2041, message);
        clock.advance(Duration.ofSeconds(1));
        assertThat(chat().statusCode()).isEqualTo(200);
    }

    @Test
    void aSlidingWindowReleasesTheBudgetOnlyWhenTheSpendingHasAgedOut() {
        rules("{\"id\":\"rolling\",\"limit\":1,\"limitType\":\"cost\",\"window\":3600,\"technique\":\"sliding\"}");

        assertThat(chat().statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertGatewayError(chat(), 429, 2041,
                "Spend limit exceeded: rule 'rolling' (cost limit 1 per 3600s, sliding) for openai gpt-4o");
        clock.advance(Duration.ofMinutes(59));
        assertThat(chat().statusCode()).isEqualTo(200);
    }

    @Test
    void requestsAdmittedBeforeAnyCompletesAllPassAndOvershootTheBudget() throws Exception {
        rules("{\"id\":\"r\",\"limit\":1,\"limitType\":\"cost\",\"window\":3600}");
        emulator.script("openai").clear().always(costing(200, 1, Duration.ofSeconds(2)));
        clock.setMode(ClockMode.MANUAL);

        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(CompletableFuture.supplyAsync(this::chat));
        }
        clock.awaitWaiters(3, Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(2));

        for (CompletableFuture<HttpResponse<String>> response : inFlight) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        assertThat(emulator.logs("gw").stream().mapToDouble(e -> e.cost()).sum()).isEqualTo(3.0);
        assertThat(chat().statusCode()).isEqualTo(429);
    }

    @Test
    void aMetadataPartitionGivesEachValueItsOwnBudgetAndLeavesRequestsWithoutTheKeyAlone() {
        rules("{\"id\":\"per-user\",\"limit\":1,\"limitType\":\"cost\",\"window\":60,"
                + "\"metadata\":{\"user\":{\"mode\":\"partition\"}}}");

        assertThat(chat("cf-aig-metadata", "{\"user\":\"ann\"}").statusCode()).isEqualTo(200);
        assertThat(chat("cf-aig-metadata", "{\"user\":\"ann\"}").statusCode()).isEqualTo(429);
        assertThat(chat("cf-aig-metadata", "{\"user\":\"bob\"}").statusCode()).isEqualTo(200);
        assertThat(chat().statusCode()).isEqualTo(200);
        assertThat(chat().statusCode()).isEqualTo(200);
    }

    @Test
    void aModelFilterCountsOnlyThoseModels() {
        rules("{\"id\":\"big-model\",\"limit\":1,\"limitType\":\"cost\",\"window\":60,"
                + "\"model\":{\"mode\":\"filter\",\"values\":[\"gpt-4o\"]}}");

        assertThat(chat().statusCode()).isEqualTo(200);
        assertThat(chat().statusCode()).isEqualTo(429);
        assertThat(chatWith("gpt-4o-mini").statusCode()).isEqualTo(200);
    }

    @Test
    void aModelPartitionKeepsABudgetPerModel() {
        rules("{\"id\":\"per-model\",\"limit\":0.05,\"limitType\":\"cost\",\"window\":60,"
                + "\"model\":{\"mode\":\"partition\"}}");

        assertThat(chatWith("gpt-4o-mini").statusCode()).isEqualTo(200);
        assertGatewayError(chatWith("gpt-4o-mini"), 429, 2041,
                "Spend limit exceeded: rule 'per-model' (cost limit 0.05 per 60s, fixed) for openai gpt-4o-mini");
        assertThat(chat().statusCode()).isEqualTo(200);
    }

    @Test
    void aRuleWithoutAnIdIsNamedByItsPositionAndDisabledRulesAreIgnored() {
        rules("{\"id\":\"off\",\"enabled\":false,\"limit\":0,\"limitType\":\"cost\",\"window\":60},"
                + "{\"limit\":1,\"limitType\":\"cost\",\"window\":60}");

        assertThat(chat().statusCode()).isEqualTo(200);
        assertGatewayError(chat(), 429, 2041,
                "Spend limit exceeded: rule 'rule-2' (cost limit 1 per 60s, fixed) for openai gpt-4o");
    }

    @Test
    void spendLimitsSwitchedOffAsAWholeRefuseNothing() {
        emulator.createGateway("gw", GatewaySettings.builder().spendLimits(
                "{\"enabled\":false,\"rules\":[{\"limit\":0,\"limitType\":\"cost\",\"window\":60}]}").build());

        assertThat(chat().statusCode()).isEqualTo(200);
        assertThat(chat().statusCode()).isEqualTo(200);
    }

    @Test
    void aGatewayTakesAtMostTwentyRules() {
        ManagementApi api = ManagementApi.of(emulator);
        String rule = "{\"limit\":1,\"limitType\":\"cost\",\"window\":60}";
        String twenty = IntStream.range(0, 20).mapToObj(i -> rule).collect(Collectors.joining(","));
        String body = "{\"id\":\"%s\",\"rate_limiting_interval\":0,\"rate_limiting_limit\":0,\"collect_logs\":true,"
                + "\"cache_invalidate_on_update\":false,\"cache_ttl\":0,\"spend_limits\":{\"rules\":[%s]}}";

        JsonNode created = api.createGateway(body.formatted("twenty", twenty));
        assertThat(created.get("spend_limits").get("rules")).hasSize(20);
        JsonNode refused = assertValidationError(api.post("/gateways", body.formatted("more", twenty + "," + rule)),
                "body", "spend_limits", "rules");
        assertThat(refused.get("message").asText()).contains("0 to 20 items");
    }

    @Test
    void aSpentRuleAtADynamicRoutesModelNodeTakesTheNodesFallbackAndLeavesOneTimelineWithoutARefusal() {
        rules("{\"id\":\"openai-cap\",\"limit\":1,\"limitType\":\"cost\",\"window\":3600,"
                + "\"provider\":{\"mode\":\"filter\",\"values\":[\"openai\"]}}");
        assertOk(ManagementApi.of(emulator).post("/gateways/gw/routes", """
                {"name":"capped","elements":[{"id":"s","type":"start","outputs":{"next":{"elementId":"m1"}}},
                 {"id":"m1","type":"model","properties":{"provider":"openai","model":"gpt-4o","timeout":0,
                  "retries":0},"outputs":{"success":{"elementId":"e"},"fallback":{"elementId":"m2"}}},
                 {"id":"m2","type":"model","properties":{"provider":"anthropic","model":"claude-3-5-haiku",
                  "timeout":0,"retries":0},"outputs":{"success":{"elementId":"e"},"fallback":{"elementId":"e"}}},
                 {"id":"e","type":"end","outputs":{}}]}"""));
        String body = PricedTraffic.CHAT.replace("gpt-4o", "dynamic/capped");

        assertThat(traffic.send("gw", "compat/chat/completions", body).headers().firstValue("cf-aig-provider"))
                .contains("openai");
        HttpResponse<String> second = traffic.send("gw", "compat/chat/completions", body);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("cf-aig-provider")).contains("anthropic");
        assertThat(emulator.timelines()).hasSize(2);
        Timeline timeline = emulator.lastTimeline();
        assertThat(timeline.refusal()).as("the route went on from the refusal").isNull();
        assertThat(timeline.route().choices()).containsEntry("m1", "fallback");
        assertThat(timeline.attempts()).extracting(Timeline.Attempt::provider).containsExactly("anthropic");
    }
}
