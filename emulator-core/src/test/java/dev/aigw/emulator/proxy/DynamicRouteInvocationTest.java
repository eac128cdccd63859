package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.proxy.ProxyClient.assertGatewayError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.NewProviderConfig;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamCredential;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code dynamic/{name}} on the universal endpoint, the token in {@code Authorization} (management-api-2.md 4.4,
 * Q-12), the log of a route (4.6) and what the gateway's own rate limit does to a route's counters (4.4, 4.5).
 */
@Timeout(30)
class DynamicRouteInvocationTest {

    private static final String READ_ONLY_TOKEN = "read-only-token";
    private static final String FALLBACK = DynamicRoutingTest.FALLBACK;
    private static final String NO_MODEL = """
            [{"id":"s","type":"start","outputs":{"next":{"elementId":"e"}}},{"id":"e","type":"end"}]""";

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-06-01T09:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock)
            .token(ApiToken.of("full-token", AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.READ, Permission.EDIT,
                    Permission.RUN))
            .token(ApiToken.of(READ_ONLY_TOKEN, AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.READ))
            .build().start();
    private final ProxyClient client = new ProxyClient(emulator);
    private final ManagementApi api = ManagementApi.of(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private void route(String name, String elements) {
        assertOk(api.post("/gateways/gw/routes", "{\"name\":\"" + name + "\",\"elements\":" + elements + "}"));
    }

    private HttpResponse<String> compat(String model, String... headers) {
        return client.post(client.path("gw", "compat/chat/completions"), "{\"model\":\"" + model
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}", headers);
    }

    private HttpResponse<String> universal(String steps, String... headers) {
        return client.post(client.path("gw", ""), steps, headers);
    }

    private static String dynamicStep(String name) {
        return "{\"provider\":\"compat\",\"endpoint\":\"chat/completions\",\"headers\":{},\"query\":{\"model\":"
                + "\"dynamic/" + name + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}}";
    }

    private static final String OPENAI_STEP = "{\"provider\":\"openai\",\"endpoint\":\"chat/completions\","
            + "\"headers\":{},\"query\":{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}}";

    @Test
    void aUniversalStepRunsTheRouteAndKeepsItsOwnStepIndex() {
        emulator.createGateway("gw");
        route("support", FALLBACK);
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(500).build());
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(503).build());
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(503).build());

        HttpResponse<String> response = universal("[" + OPENAI_STEP + "," + dynamicStep("support") + "]");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("cf-aig-step")).contains("1");
        assertThat(response.headers().firstValue("cf-aig-provider")).contains("anthropic");
        assertThat(response.headers().firstValue("cf-aig-model")).contains("claude-3-5-haiku");
        Timeline timeline = emulator.timelines().get(0);
        assertThat(timeline.route().visited()).containsExactly("s", "m1", "m2");
        assertThat(timeline.attempts()).extracting(Timeline.Attempt::step).containsExactly(0, 1, 1, 1);
        assertThat(emulator.logs("gw")).extracting(LogEntry::step, LogEntry::provider)
                .containsExactlyInAnyOrder(tuple(0, "openai"),
                        tuple(1, "anthropic"));
    }

    @Test
    void aUniversalRouteThatAnswersNothingFallsToTheNextStep() {
        emulator.createGateway("gw");
        route("empty", NO_MODEL);

        HttpResponse<String> response = universal("[" + dynamicStep("empty") + "," + OPENAI_STEP + "]");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("cf-aig-step")).contains("1");
        assertThat(emulator.logs("gw")).extracting(LogEntry::provider, LogEntry::model, LogEntry::statusCode)
                .containsExactlyInAnyOrder(tuple("dynamic", "empty", 400),
                        tuple("openai", "gpt-4o", 200));
    }

    @Test
    void aUniversalRouteAsLastStepAnswersTheRoutesError() {
        emulator.createGateway("gw");
        route("empty", NO_MODEL);

        assertGatewayError(universal(dynamicStep("empty")), 400, 2005,
                "No model response was generated by dynamic route 'empty'");
        assertThat(emulator.timelines().get(0).route().visited()).containsExactly("s", "e");
    }

    @Test
    void aUniversalStepNamingAnUnknownRouteIsNotFound() {
        emulator.createGateway("gw");

        assertGatewayError(universal(dynamicStep("nope")), 400, 2005, "Dynamic route 'nope' not found");
    }

    @Test
    void aDynamicModelAcceptsTheGatewayTokenInAuthorizationAndNeverForwardsIt() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
        route("support", FALLBACK);

        HttpResponse<String> response = compat("dynamic/support", "authorization", "Bearer full-token");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        RecordedRequest sent = emulator.takeRequest();
        assertThat(sent.header("authorization")).isEmpty();
        assertThat(sent.credential().source()).isEqualTo(UpstreamCredential.Source.UNIFIED_BILLING);
    }

    @Test
    void aRouteNeverForwardsAProviderKeyTheClientSent() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
        route("support", FALLBACK);

        assertThat(compat("dynamic/support", "cf-aig-authorization", "Bearer full-token",
                "authorization", "Bearer sk-client-key").statusCode()).isEqualTo(200);

        RecordedRequest sent = emulator.takeRequest();
        assertThat(sent.header("authorization")).isEmpty();
        assertThat(sent.credential().source()).isEqualTo(UpstreamCredential.Source.UNIFIED_BILLING);
    }

    @Test
    void theTokenInAuthorizationMustBeValidAndHoldRun() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
        route("support", FALLBACK);

        assertGatewayError(compat("dynamic/support", "authorization", "Bearer unknown-token"), 401, 2009,
                "Unauthorized");
        assertGatewayError(compat("dynamic/support", "authorization", "Bearer " + READ_ONLY_TOKEN), 401, 2009,
                "Unauthorized");
        assertGatewayError(compat("dynamic/support"), 401, 2009, "Unauthorized");
    }

    @Test
    void theTokenInAuthorizationIsNotAGatewayCredentialForOtherModels() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());

        assertGatewayError(compat("openai/gpt-4o", "authorization", "Bearer full-token"), 401, 2009, "Unauthorized");
        assertGatewayError(client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT,
                "authorization", "Bearer full-token"), 401, 2009, "Unauthorized");
    }

    @Test
    void aFallbackModelIsLoggedOnceUnderTheRequestsId() {
        emulator.createGateway("gw");
        route("support", FALLBACK);
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(503).build());
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(503).build());

        HttpResponse<String> response = compat("dynamic/support");

        String logId = response.headers().firstValue("cf-aig-log-id").orElseThrow();
        List<LogEntry> logs = emulator.logs("gw");
        assertThat(logs).hasSize(1);
        assertThat(logs.get(0).id()).isEqualTo(logId).isEqualTo(emulator.timelines().get(0).requestId());
        assertThat(logs.get(0).provider()).isEqualTo("anthropic");
        assertThat(logs.get(0).step()).isEqualTo(1);
    }

    @Test
    void aRouteThatEndsBeforeAnyModelIsLoggedAsDynamic() {
        emulator.createGateway("gw");
        route("empty", NO_MODEL);

        HttpResponse<String> response = compat("dynamic/empty");

        assertGatewayError(response, 400, 2005, "No model response was generated by dynamic route 'empty'");
        LogEntry log = emulator.logs("gw").get(0);
        assertThat(log.id()).isEqualTo(response.headers().firstValue("cf-aig-log-id").orElseThrow());
        assertThat(log.provider()).isEqualTo("dynamic");
        assertThat(log.model()).isEqualTo("empty");
        assertThat(log.statusCode()).isEqualTo(400);
        assertThat(log.success()).isFalse();
        assertThat(emulator.timelines().get(0).route().visited()).containsExactly("s", "e");
    }

    @Test
    void aRouteRefusedByItsRateNodeIsLoggedAsDynamic() {
        emulator.createGateway("gw");
        route("rate", "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"r\"}}},"
                + "{\"id\":\"r\",\"type\":\"rate\",\"properties\":{\"key\":\"metadata.user\",\"limit\":0,"
                + "\"limitType\":\"count\",\"window\":60},\"outputs\":{\"success\":{\"elementId\":\"e\"}}},"
                + "{\"id\":\"e\",\"type\":\"end\"}]");

        assertGatewayError(compat("dynamic/rate"), 429, 2003, "Rate limited");

        assertThat(emulator.logs("gw")).extracting(LogEntry::provider, LogEntry::model, LogEntry::statusCode)
                .containsExactly(tuple("dynamic", "rate", 429));
    }

    @Test
    void theGatewaysOwnRateLimitRefusesBeforeTheRouteSoItsCountersDoNotMove() {
        emulator.createGateway("gw", GatewaySettings.builder().rateLimitingLimit(1)
                .rateLimitingInterval(Duration.ofSeconds(60)).rateLimitingTechnique(
                        GatewaySettings.RateLimitingTechnique.FIXED).build());
        route("rate", "[{\"id\":\"s\",\"type\":\"start\",\"outputs\":{\"next\":{\"elementId\":\"r\"}}},"
                + "{\"id\":\"r\",\"type\":\"rate\",\"properties\":{\"key\":\"\",\"limit\":2,"
                + "\"limitType\":\"count\",\"window\":3600,\"technique\":\"fixed\"},\"outputs\":{\"success\":"
                + "{\"elementId\":\"gpt-4o\"}}},{\"id\":\"gpt-4o\",\"type\":\"model\",\"properties\":{\"provider\":"
                + "\"openai\",\"model\":\"gpt-4o\"},\"outputs\":{\"success\":{\"elementId\":\"e\"}}},"
                + "{\"id\":\"e\",\"type\":\"end\"}]");

        assertThat(compat("dynamic/rate").statusCode()).isEqualTo(200);
        assertGatewayError(compat("dynamic/rate"), 429, 2003, "Rate limited");
        assertGatewayError(compat("dynamic/rate"), 429, 2003, "Rate limited");
        clock.advance(Duration.ofSeconds(60));
        assertThat(compat("dynamic/rate").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(60));
        assertGatewayError(compat("dynamic/rate"), 429, 2003, "Rate limited");

        assertThat(emulator.timelines()).extracting(t -> t.route() == null ? "gateway" : t.route().choices()
                .getOrDefault("r", "refused")).containsExactly("success", "success", "refused");
        assertThat(emulator.logs("gw")).extracting(LogEntry::provider)
                .containsExactlyInAnyOrder("openai", "dynamic", "dynamic", "openai", "dynamic");
    }

    @Test
    void aCredentialRefusalAtAModelNodeTakesItsFallbackAndWithoutOneReachesTheClient() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
        route("support", FALLBACK);
        emulator.createProviderConfig("gw", NewProviderConfig.key("anthropic", "team-a", "sk-ant-team-a-key"));

        HttpResponse<String> fellBack = compat("dynamic/support", "cf-aig-authorization", "Bearer full-token",
                "cf-aig-byok-alias", "team-a");

        assertThat(fellBack.statusCode()).as(fellBack.body()).isEqualTo(200);
        assertThat(fellBack.headers().firstValue("cf-aig-provider")).contains("anthropic");
        assertThat(emulator.recordedRequests()).extracting(RecordedRequest::provider).containsExactly("anthropic");
        assertThat(emulator.timelines().get(0).route().visits().get(1).reason())
                .isEqualTo("http_error 400 after 0 attempts");

        assertGatewayError(compat("dynamic/support", "cf-aig-authorization", "Bearer full-token",
                "cf-aig-byok-alias", "team-z"), 400, 2040,
                "Provider 'anthropic' has no BYOK credential named 'team-z'. Configured aliases: 'team-a'");
    }
}
