package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.proxy.ProxyClient.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.VirtualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The seed's rules for the {@code default} gateway, one test per rule. */
@Timeout(30)
class DefaultGatewayRulesTest {

    private static final String OTHER_ACCOUNT = "ffffffffffffffffffffffffffffffff";
    private static final String RUN_TOKEN = "run-token";
    private static final String READ_TOKEN = "read-token";
    private static final String OTHER_ACCOUNT_RUN_TOKEN = "other-run-token";

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-03-01T09:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder()
            .clock(clock)
            .account(OTHER_ACCOUNT)
            .token(ApiToken.of("admin-token", AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.READ, Permission.EDIT))
            .token(ApiToken.of(RUN_TOKEN, AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.RUN))
            .token(ApiToken.of(READ_TOKEN, AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.READ))
            .token(ApiToken.of(OTHER_ACCOUNT_RUN_TOKEN, OTHER_ACCOUNT, Permission.RUN))
            .build().start();
    private final ProxyClient client = new ProxyClient(emulator);
    private final ManagementCalls management = new ManagementCalls(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> chatThroughDefault(String... headers) {
        return client.post(client.path("default", "openai/chat/completions"), ProxyClient.CHAT, headers);
    }

    @Test
    void anUnauthenticatedRequestDoesNotCreateDefaultAndGets2001() {
        HttpResponse<String> response = chatThroughDefault();

        assertGatewayError(response, 400, 2001, "Please configure AI Gateway in the Cloudflare dashboard");
        assertThat(management.get("default").status()).isEqualTo(404);
        assertThat(emulator.recordedRequests()).isEmpty();
    }

    @Test
    void invalidTokensDoNotCreateDefault() {
        assertGatewayError(chatThroughDefault("cf-aig-authorization", "Bearer unknown-token"), 400, 2001,
                "Please configure AI Gateway in the Cloudflare dashboard");
        assertGatewayError(chatThroughDefault("cf-aig-authorization", RUN_TOKEN), 400, 2001,
                "Please configure AI Gateway in the Cloudflare dashboard");
        assertGatewayError(chatThroughDefault("cf-aig-authorization", "Bearer " + READ_TOKEN), 400, 2001,
                "Please configure AI Gateway in the Cloudflare dashboard");
        assertGatewayError(chatThroughDefault("cf-aig-authorization", "Bearer " + OTHER_ACCOUNT_RUN_TOKEN), 400, 2001,
                "Please configure AI Gateway in the Cloudflare dashboard");
        assertThat(management.get("default").status()).isEqualTo(404);
    }

    @Test
    void theFirstAuthenticatedRequestCreatesDefaultWithTheSeedSettingsAndIsServedByIt() {
        HttpResponse<String> response = chatThroughDefault("cf-aig-authorization", "Bearer " + RUN_TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("cf-aig-log-id")).as("logged: logs are on").isPresent();
        JsonNode created = management.get("default").result();
        assertThat(created.get("id").textValue()).isEqualTo("default");
        assertThat(created.get("authentication").booleanValue()).isTrue();
        assertThat(created.get("collect_logs").booleanValue()).isTrue();
        assertThat(created.get("cache_ttl").intValue()).isZero();
        assertThat(created.get("rate_limiting_limit").intValue()).isZero();
        assertThat(created.get("rate_limiting_interval").intValue()).isZero();
        assertThat(created.get("is_default").booleanValue()).isTrue();
        assertThat(created.get("created_at").textValue()).isEqualTo("2026-03-01T09:00:00.000Z");
        assertThat(emulator.recordedRequests()).hasSize(1);
    }

    @Test
    void aManagementTokenWithEditAlsoCreatesDefault() {
        HttpResponse<String> response = chatThroughDefault("cf-aig-authorization", "Bearer admin-token");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(management.get("default").status()).isEqualTo(200);
    }

    @Test
    void theCreatedDefaultRequiresAuthenticationAfterwards() {
        chatThroughDefault("cf-aig-authorization", "Bearer " + RUN_TOKEN);

        assertGatewayError(chatThroughDefault(), 401, 2009, "Unauthorized");
    }

    @Test
    void anEditedDefaultKeepsItsEditsAndItsCreationTime() {
        chatThroughDefault("cf-aig-authorization", "Bearer " + RUN_TOKEN);
        clock.advance(Duration.ofMinutes(5));

        JsonNode edited = management.update("default", "{\"cache_invalidate_on_update\":false,\"cache_ttl\":0,"
                + "\"collect_logs\":false,\"rate_limiting_interval\":0,\"rate_limiting_limit\":0,\"authentication\":false}");

        assertThat(edited.get("created_at").textValue()).isEqualTo("2026-03-01T09:00:00.000Z");
        assertThat(edited.get("modified_at").textValue()).isEqualTo("2026-03-01T09:05:00.000Z");
        HttpResponse<String> anonymous = chatThroughDefault();
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.headers().firstValue("cf-aig-log-id")).as("logs now off").isEmpty();
    }

    @Test
    void afterDeletionTheNextAuthenticatedRequestCreatesAFreshDefault() {
        chatThroughDefault("cf-aig-authorization", "Bearer " + RUN_TOKEN);
        management.update("default", "{\"cache_invalidate_on_update\":true,\"cache_ttl\":600,"
                + "\"collect_logs\":false,\"rate_limiting_interval\":0,\"rate_limiting_limit\":0}");
        emulator.deleteGateway("default");
        assertThat(management.get("default").status()).isEqualTo(404);
        assertGatewayError(chatThroughDefault(), 400, 2001, "Please configure AI Gateway in the Cloudflare dashboard");
        clock.advance(Duration.ofHours(1));

        assertThat(chatThroughDefault("cf-aig-authorization", "Bearer " + RUN_TOKEN).statusCode()).isEqualTo(200);

        JsonNode fresh = management.get("default").result();
        assertThat(fresh.get("created_at").textValue()).isEqualTo("2026-03-01T10:00:00.000Z");
        assertThat(fresh.get("cache_ttl").intValue()).as("the seed settings, not the old ones").isZero();
        assertThat(fresh.get("collect_logs").booleanValue()).isTrue();
    }

    @Test
    void noOtherIdAutoCreates() {
        HttpResponse<String> response = client.post(client.path("production", "openai/chat/completions"),
                ProxyClient.CHAT, "cf-aig-authorization", "Bearer " + RUN_TOKEN);

        assertGatewayError(response, 400, 2001, "Please configure AI Gateway in the Cloudflare dashboard");
        assertThat(management.list()).isEmpty();
    }

    @Test
    void managementCallsNeverCreateDefault() {
        assertThat(management.get("default").status()).isEqualTo(404);
        assertThat(management.list()).isEmpty();
    }

    @Test
    void sixtyFourConcurrentFirstRequestsCreateExactlyOneGatewayAndAreAllServed() throws Exception {
        int requests = 64;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return chatThroughDefault("cf-aig-authorization", "Bearer " + RUN_TOKEN);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode gateways = management.list();
        assertThat(gateways).hasSize(1);
        assertThat(gateways.get(0).get("id").textValue()).isEqualTo("default");
        assertThat(emulator.recordedRequests()).hasSize(requests);
    }
}
