package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.proxy.ProxyClient.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.VirtualClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gateway's rate limit over HTTP (proxy.md 6): windows on the clock, what counts, and the exact 429. */
@Timeout(30)
class RateLimitingTest {

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-03-01T12:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private int chat() {
        return chat("gw").statusCode();
    }

    private HttpResponse<String> chat(String gateway, String... headers) {
        return client.post(client.path(gateway, "openai/chat/completions"), ProxyClient.CHAT, headers);
    }

    private void at(String time) {
        clock.advance(Duration.between(clock.now(), Instant.parse("2026-03-01T" + time + "Z")));
    }

    private List<Integer> statuses(int requests) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(chat());
        }
        return statuses;
    }

    @Test
    void aFixedWindowRefusesTheRequestOverTheLimitAndOpensAgainAtItsEpochAlignedEdge() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(60))
                .rateLimitingTechnique(GatewaySettings.RateLimitingTechnique.FIXED).build());
        at("12:00:59");

        assertThat(chat()).isEqualTo(200);
        at("12:00:59.999");
        assertThat(chat()).as("one millisecond before the window's edge").isEqualTo(429);
        at("12:01:00");
        assertThat(chat()).as("a new window starts at 12:01:00").isEqualTo(200);
    }

    @Test
    void aSlidingWindowOpensExactlyOneIntervalAfterTheAcceptedRequest() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(60))
                .rateLimitingTechnique(GatewaySettings.RateLimitingTechnique.SLIDING).build());
        at("12:00:59");

        assertThat(chat()).isEqualTo(200);
        at("12:01:00");
        assertThat(chat()).as("a fixed window would open here; a sliding one does not").isEqualTo(429);
        at("12:01:58.999");
        assertThat(chat()).isEqualTo(429);
        at("12:01:59");
        assertThat(chat()).isEqualTo(200);
    }

    @Test
    void theDocsExampleWithFixedWindowsLetsTenAtTwelveNineAndTenAtTwelveElevenThrough() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(10).rateLimitingInterval(Duration.ofSeconds(600))
                .rateLimitingTechnique(GatewaySettings.RateLimitingTechnique.FIXED).build());

        at("12:09:00");
        assertThat(statuses(10)).containsOnly(200);
        at("12:11:00");
        assertThat(statuses(10)).containsOnly(200);
        assertThat(chat()).isEqualTo(429);
    }

    @Test
    void theDocsExampleWithASlidingWindowRefusesTheSecondTen() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(10).rateLimitingInterval(Duration.ofSeconds(600))
                .rateLimitingTechnique(GatewaySettings.RateLimitingTechnique.SLIDING).build());

        at("12:09:00");
        assertThat(statuses(10)).containsOnly(200);
        at("12:11:00");
        assertThat(statuses(10)).containsOnly(429);
        at("12:19:00");
        assertThat(statuses(11)).containsOnly(200, 429).filteredOn(s -> s == 200).hasSize(10);
    }

    @Test
    void theRefusalIsExactly429With2003RateLimitedAndNoRetryAfter() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(60)).build());
        chat();

        HttpResponse<String> refused = chat("gw", "cf-aig-event-id", "evt-42");

        assertGatewayError(refused, 429, 2003, "Rate limited");
        assertThat(ProxyClient.json(refused)).isEqualTo(ProxyClient.parse("""
                {"success":false,"result":[],"messages":[],"error":[{"code":2003,"message":"Rate limited"}],
                 "name":"AiGatewayError","httpCode":429,"internalCode":2003,"message":"Rate limited",
                 "description":"Rate limited"}"""));
        assertThat(refused.headers().firstValue("retry-after")).isEmpty();
        assertThat(refused.headers().firstValue("cf-aig-event-id")).contains("evt-42");
        assertThat(refused.headers().firstValue("cf-aig-log-id")).as("the refusal is logged")
                .isEqualTo(refused.headers().firstValue("cf-aig-request-id"));
        assertThat(emulator.recordedRequests()).as("nothing was forwarded").hasSize(1);
    }

    @Test
    void sixtyFourParallelRequestsAgainstALimitOfTenLetExactlyTenThrough() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(10).rateLimitingInterval(Duration.ofSeconds(60)).build());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.providerUrl("gw", "openai")
                        + "/chat/completions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProxyClient.CHAT)).build();

        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = pending.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(54);
        assertThat(emulator.recordedRequests()).hasSize(10);
    }

    @Test
    void cacheHitsCountTowardsTheLimit() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(2).rateLimitingInterval(Duration.ofSeconds(60)).cacheTtl(Duration.ofSeconds(300))
                .build());

        assertThat(chat("gw").headers().firstValue("cf-aig-cache-status")).contains("MISS");
        assertThat(chat("gw").headers().firstValue("cf-aig-cache-status")).contains("HIT");
        assertThat(chat()).isEqualTo(429);
    }

    @Test
    void refusedRequestsDoNotCountSoASteadilyRetryingClientGetsThroughAfterTheInterval() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(10))
                .rateLimitingTechnique(GatewaySettings.RateLimitingTechnique.SLIDING).build());
        assertThat(chat()).isEqualTo(200);
        for (int second = 1; second < 10; second++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(chat()).isEqualTo(429);
        }

        clock.advance(Duration.ofSeconds(1));

        assertThat(chat()).isEqualTo(200);
    }

    @Test
    void requestsRefusedBeforeEndpointResolutionDoNotCount() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(60)).build());

        assertGatewayError(client.post(client.path("gw", "no-such-provider/x"), "{}"), 400, 2008, "Invalid provider");

        assertThat(chat()).isEqualTo(200);
    }

    @Test
    void unauthenticatedRequestsDoNotCount() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(60)).authentication(true).build());

        assertGatewayError(chat("gw"), 401, 2009, "Unauthorized");

        assertThat(chat("gw", "cf-aig-authorization", "Bearer " + emulator.apiToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void theLimitIsSharedByEveryProviderAndEndpointOfTheGateway() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(2).rateLimitingInterval(Duration.ofSeconds(60)).build());

        assertThat(chat()).isEqualTo(200);
        assertThat(client.post(client.path("gw", "compat/chat/completions"),
                "{\"model\":\"anthropic/claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
                .statusCode()).isEqualTo(200);
        assertThat(client.post(client.path("gw", "workers-ai/@cf/meta/llama-3.1-8b-instruct"),
                "{\"prompt\":\"Hi\"}").statusCode()).isEqualTo(429);
    }

    @Test
    void aRateLimitedUniversalRequestTriesNoStep() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(60)).build());
        String steps = "[{\"provider\":\"openai\",\"endpoint\":\"chat/completions\",\"query\":" + ProxyClient.CHAT
                + "},{\"provider\":\"groq\",\"endpoint\":\"chat/completions\",\"query\":" + ProxyClient.CHAT + "}]";
        chat();

        assertGatewayError(client.post("/v1/" + emulator.accountId() + "/gw", steps), 429, 2003, "Rate limited");

        assertThat(emulator.recordedRequests()).hasSize(1);
    }

    @Test
    void gatewaysAreLimitedSeparately() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(60)).build());
        emulator.createGateway("other", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(60)).build());

        assertThat(chat()).isEqualTo(200);
        assertThat(chat("other").statusCode()).isEqualTo(200);
        assertThat(chat()).isEqualTo(429);
    }

    @Test
    void deletingAGatewayOrResettingTheEmulatorForgetsItsWindow() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(60)).build());
        chat();
        emulator.deleteGateway("gw");
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(60)).build());
        assertThat(chat()).isEqualTo(200);

        emulator.reset();
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(60)).build());
        assertThat(chat()).isEqualTo(200);
    }
}
