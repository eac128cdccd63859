package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.proxy.ProxyClient.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Edge cases of the request path: odd paths, odd steps for real upstreams, requests outliving their gateway. */
@Timeout(30)
class RequestPathEdgeCasesTest {

    @Test
    void aPathWithDotSegmentsIsAnInvalidProviderPathAndReachesNoUpstream() {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start()) {
            emulator.createGateway("gw");
            ProxyClient client = new ProxyClient(emulator);

            assertGatewayError(client.post(client.path("gw", "openai/./chat/completions"), ProxyClient.CHAT),
                    400, 2008, "Invalid provider");
            assertThat(emulator.recordedRequests()).isEmpty();
        }
    }

    @Test
    void aUniversalStepARealClientCannotSendIsAFailedAttemptNotAServerError() throws Exception {
        try (UpstreamStub openai = new UpstreamStub(exchange -> exchange.getResponseSender().send("{}"));
             AiGatewayEmulator emulator = AiGatewayEmulator.builder().upstream("openai", openai.baseUrl()).build().start()) {
            emulator.createGateway("gw");
            ProxyClient client = new ProxyClient(emulator);

            HttpResponse<String> badEndpoint = client.post("/v1/" + emulator.accountId() + "/gw",
                    "[{\"provider\":\"openai\",\"endpoint\":\"a b\",\"query\":{}}]");
            HttpResponse<String> badHeader = client.post("/v1/" + emulator.accountId() + "/gw",
                    "[{\"provider\":\"openai\",\"endpoint\":\"chat/completions\",\"headers\":{\"x y\":\"1\"},\"query\":{}}]");

            assertGatewayError(badEndpoint, 400, 2005, "Failed to get response from provider");
            assertGatewayError(badHeader, 400, 2005, "Failed to get response from provider");
            assertThat(openai.received()).isEmpty();
        }
    }

    @Test
    void aRequestStillInFlightWhenItsGatewayIsRecreatedLeavesNoCacheOrLogsForTheNewOne() throws Exception {
        VirtualClock clock = VirtualClock.manual();
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start()) {
            emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());
            emulator.script("openai").enqueue(UpstreamResponse.builder().latency(Duration.ofSeconds(5))
                    .body("{\"old\":true}").build());
            ProxyClient client = new ProxyClient(emulator);
            CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(
                    () -> client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT));
            clock.awaitWaiters(1, Duration.ofSeconds(10));

            emulator.deleteGateway("gw");
            emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(300)).build());
            clock.advance(Duration.ofSeconds(5));
            assertThat(slow.get(10, TimeUnit.SECONDS).body()).isEqualTo("{\"old\":true}");

            HttpResponse<String> fresh = client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT);
            assertThat(fresh.headers().firstValue("cf-aig-cache-status")).contains("MISS");
            assertThat(fresh.body()).contains("Emulated reply");
            assertThat(emulator.logs("gw")).hasSize(1);
        }
    }
}
