package dev.aigw.emulator.testcontainers;

import static dev.aigw.emulator.testcontainers.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.Gateway;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.RemoteEmulator;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamResponse;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * One container with its defaults, written to over plain HTTP as any client would, and read back through
 * {@code emulator()}: the management life cycle, a proxied request to a fake provider, the {@code default} gateway
 * rule, and what the control API records.
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmulatorImage.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ManagementAndProxyTest {

    private static final String GATEWAY = "{\"id\":\"tc-gateway\",\"cache_invalidate_on_update\":false,"
            + "\"cache_ttl\":0,\"collect_logs\":true,\"rate_limiting_interval\":0,\"rate_limiting_limit\":0}";

    @Container
    static AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME);

    private RemoteEmulator emulator;

    @BeforeEach
    void reset() {
        emulator = container.emulator();
        emulator.reset();
    }

    private String gateways() {
        return container.getManagementUrl() + "/accounts/" + container.getAccountId() + "/ai-gateway/gateways";
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(container.getAccountId()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(container.getApiToken()).isEqualTo("aigw-emulator-token");
        assertThat(container.getBaseUrl()).matches("http://localhost:\\d+");
        assertThat(container.getManagementUrl()).isEqualTo(container.getBaseUrl() + "/client/v4");
        assertThat(emulator.baseUrl()).isEqualTo(container.getBaseUrl());
        assertThat(emulator.clock().mode()).isEqualTo(ClockMode.SYSTEM);
        assertThat(emulator.isHealthy()).isTrue();
    }

    @Test
    void aGatewayIsCreatedReadUpdatedAndDeleted() {
        String auth = bearer(container.getApiToken());

        HttpResponse<String> created = Http.post(gateways(), GATEWAY, "Authorization", auth);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(Http.stringMember(created, "id")).isEqualTo("tc-gateway");
        assertThat(emulator.gateways()).extracting(Gateway::id).containsExactly("tc-gateway");

        HttpResponse<String> updated = Http.send("PUT", gateways() + "/tc-gateway",
                GATEWAY.replace("\"cache_ttl\":0", "\"cache_ttl\":60").replace("\"id\":\"tc-gateway\",", ""),
                "Authorization", auth);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(emulator.gateway("tc-gateway").orElseThrow().settings().cacheTtl())
                .isEqualTo(Duration.ofSeconds(60));

        assertThat(Http.send("DELETE", gateways() + "/tc-gateway", null, "Authorization", auth).statusCode())
                .isEqualTo(200);
        assertThat(Http.get(gateways() + "/tc-gateway", "Authorization", auth).statusCode()).isEqualTo(404);
        assertThat(emulator.gateway("tc-gateway")).isEmpty();
    }

    @Test
    void aProxiedRequestReachesTheFakeProviderAndIsRecorded() {
        assertThat(Http.post(gateways(), GATEWAY, "Authorization", bearer(container.getApiToken())).statusCode())
                .isEqualTo(200);

        HttpResponse<String> reply = Http.post(container.getProviderUrl("tc-gateway", "openai") + "/chat/completions",
                Http.CHAT, "Authorization", "Bearer sk-test");

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(Http.stringMember(reply, "content")).isEqualTo("Emulated reply from gpt-4o-mini to: Hello there");
        List<RecordedRequest> recorded = emulator.recordedRequests("openai", "tc-gateway", null);
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v1/chat/completions");
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.accountId()).isEqualTo(container.getAccountId());
            assertThat(r.bodyText()).isEqualTo(Http.CHAT);
            assertThat(r.headers()).containsEntry("authorization", List.of("Bearer sk-test"));
        });
        assertThat(emulator.timelines()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(200);
            assertThat(t.attempts()).extracting(Timeline.Attempt::outcome).containsExactly(Timeline.Outcome.SUCCESS);
        });
    }

    @Test
    void theDefaultGatewayIsCreatedByTheFirstAuthenticatedRequestOnly() {
        String chat = container.getProviderUrl("default", "openai") + "/chat/completions";

        HttpResponse<String> anonymous = Http.post(chat, Http.CHAT);
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(400);
        assertThat(emulator.gateways()).isEmpty();

        HttpResponse<String> authenticated = Http.post(chat, Http.CHAT,
                "cf-aig-authorization", bearer(container.getApiToken()));
        assertThat(authenticated.statusCode()).as(authenticated.body()).isEqualTo(200);

        Gateway created = emulator.gateway("default").orElseThrow();
        assertThat(created.isDefault()).isTrue();
        assertThat(created.settings().authentication()).isTrue();
        assertThat(created.settings().collectLogs()).isTrue();
        assertThat(created.settings().cacheTtl()).isZero();
        assertThat(created.settings().rateLimitingLimit()).isZero();
    }

    @Test
    void resetEmptiesGatewaysScriptsAndRecords() {
        Http.post(gateways(), GATEWAY, "Authorization", bearer(container.getApiToken()));
        emulator.script("openai").always(UpstreamResponse.status(500));
        Http.post(container.getProviderUrl("tc-gateway", "openai") + "/chat/completions", Http.CHAT);

        emulator.reset();

        assertThat(emulator.gateways()).isEmpty();
        assertThat(emulator.recordedRequests()).isEmpty();
        assertThat(emulator.timelines()).isEmpty();
        assertThat(emulator.pendingScripts()).isEmpty();
        Http.post(gateways(), GATEWAY, "Authorization", bearer(container.getApiToken()));
        assertThat(Http.post(container.getProviderUrl("tc-gateway", "openai") + "/chat/completions", Http.CHAT)
                .statusCode()).as("no scripted 500 left").isEqualTo(200);
    }

    @Test
    void theSystemClockCannotBeDriven() {
        assertThatThrownBy(() -> emulator.clock().advance(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The emulator runs on the system clock, which cannot be switched or advanced; start it"
                        + " with AIGW_CLOCK=virtual (or --clock virtual) to control time, or in Java with"
                        + " AiGatewayEmulator.builder().clock(VirtualClock.create())");
    }
}
