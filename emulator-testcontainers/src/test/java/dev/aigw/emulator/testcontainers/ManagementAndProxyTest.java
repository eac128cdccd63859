package dev.aigw.emulator.testcontainers;

import static dev.aigw.emulator.testcontainers.Http.bearer;
import static dev.aigw.emulator.testcontainers.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
 * One container with its defaults, called over plain HTTP as any client would: the management life cycle,
 * a proxied request to a fake provider, the {@code default} gateway rule, and what the control API records.
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmulatorImage.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ManagementAndProxyTest {

    private static final String GATEWAY = "{\"id\":\"tc-gateway\",\"cache_invalidate_on_update\":false,"
            + "\"cache_ttl\":0,\"collect_logs\":true,\"rate_limiting_interval\":0,\"rate_limiting_limit\":0}";

    @Container
    static AiGatewayContainer emulator = new AiGatewayContainer(EmulatorImage.NAME);

    @BeforeEach
    void reset() {
        emulator.control().reset();
    }

    private String gateways() {
        return emulator.getManagementUrl() + "/accounts/" + emulator.getAccountId() + "/ai-gateway/gateways";
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(emulator.getAccountId()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(emulator.getApiToken()).isEqualTo("aigw-emulator-token");
        assertThat(emulator.getBaseUrl()).matches("http://localhost:\\d+");
        assertThat(emulator.getManagementUrl()).isEqualTo(emulator.getBaseUrl() + "/client/v4");
        assertThat(emulator.control().clock().mode()).isEqualTo(EmulatorControl.ClockMode.SYSTEM);
        assertThat(emulator.control().isHealthy()).isTrue();
    }

    @Test
    void aGatewayIsCreatedReadUpdatedAndDeleted() {
        String auth = bearer(emulator.getApiToken());

        HttpResponse<String> created = Http.post(gateways(), GATEWAY, "Authorization", auth);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(json(created).at("/result/id").textValue()).isEqualTo("tc-gateway");

        JsonNode list = json(Http.get(gateways(), "Authorization", auth));
        assertThat(list.get("result")).extracting(g -> g.get("id").textValue()).containsExactly("tc-gateway");

        HttpResponse<String> updated = Http.send("PUT", gateways() + "/tc-gateway",
                GATEWAY.replace("\"cache_ttl\":0", "\"cache_ttl\":60").replace("\"id\":\"tc-gateway\",", ""),
                "Authorization", auth);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(Http.get(gateways() + "/tc-gateway", "Authorization", auth)).at("/result/cache_ttl").intValue())
                .isEqualTo(60);

        assertThat(Http.send("DELETE", gateways() + "/tc-gateway", null, "Authorization", auth).statusCode())
                .isEqualTo(200);
        assertThat(Http.get(gateways() + "/tc-gateway", "Authorization", auth).statusCode()).isEqualTo(404);
    }

    @Test
    void aProxiedRequestReachesTheFakeProviderAndIsRecorded() {
        assertThat(Http.post(gateways(), GATEWAY, "Authorization", bearer(emulator.getApiToken())).statusCode())
                .isEqualTo(200);

        HttpResponse<String> reply = Http.post(emulator.getProviderUrl("tc-gateway", "openai") + "/chat/completions",
                Http.CHAT, "Authorization", "Bearer sk-test");

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(json(reply).at("/choices/0/message/content").textValue())
                .isEqualTo("Emulated reply from gpt-4o-mini to: Hello there");
        List<EmulatorControl.RecordedRequest> recorded = emulator.control().requests("openai", "tc-gateway", null);
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/v1/chat/completions");
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.accountId()).isEqualTo(emulator.getAccountId());
            assertThat(r.body()).isEqualTo(Http.CHAT);
            assertThat(r.headers()).containsEntry("authorization", "Bearer sk-test");
        });
        assertThat(emulator.control().timelines()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(200);
            assertThat(t.attempts()).extracting(EmulatorControl.Attempt::outcome).containsExactly("success");
        });
    }

    @Test
    void theDefaultGatewayIsCreatedByTheFirstAuthenticatedRequestOnly() {
        String chat = emulator.getProviderUrl("default", "openai") + "/chat/completions";

        HttpResponse<String> anonymous = Http.post(chat, Http.CHAT);
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(400);
        assertThat(json(Http.get(gateways(), "Authorization", bearer(emulator.getApiToken()))).get("result")).isEmpty();

        HttpResponse<String> authenticated = Http.post(chat, Http.CHAT,
                "cf-aig-authorization", bearer(emulator.getApiToken()));
        assertThat(authenticated.statusCode()).as(authenticated.body()).isEqualTo(200);

        JsonNode created = json(Http.get(gateways() + "/default", "Authorization", bearer(emulator.getApiToken())))
                .get("result");
        assertThat(created.get("is_default").booleanValue()).isTrue();
        assertThat(created.get("authentication").booleanValue()).isTrue();
        assertThat(created.get("collect_logs").booleanValue()).isTrue();
        assertThat(created.get("cache_ttl").intValue()).isZero();
        assertThat(created.get("rate_limiting_limit").intValue()).isZero();
    }

    @Test
    void resetEmptiesGatewaysScriptsAndRecords() {
        Http.post(gateways(), GATEWAY, "Authorization", bearer(emulator.getApiToken()));
        emulator.control().script("openai").enqueue(ScriptStep.status(500).always());
        Http.post(emulator.getProviderUrl("tc-gateway", "openai") + "/chat/completions", Http.CHAT);

        emulator.control().reset();

        assertThat(json(Http.get(gateways(), "Authorization", bearer(emulator.getApiToken()))).get("result")).isEmpty();
        assertThat(emulator.control().requests()).isEmpty();
        assertThat(emulator.control().timelines()).isEmpty();
        Http.post(gateways(), GATEWAY, "Authorization", bearer(emulator.getApiToken()));
        assertThat(Http.post(emulator.getProviderUrl("tc-gateway", "openai") + "/chat/completions", Http.CHAT)
                .statusCode()).as("no scripted 500 left").isEqualTo(200);
    }

    @Test
    void theSystemClockCannotBeDriven() {
        assertThatThrownBy(() -> emulator.control().advanceClock(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("control API POST /__emulator/clock/advance answered 400: The emulator runs on the system"
                        + " clock, which cannot be switched or advanced; start it with AIGW_CLOCK=virtual (or --clock"
                        + " virtual) to control time");
    }
}
