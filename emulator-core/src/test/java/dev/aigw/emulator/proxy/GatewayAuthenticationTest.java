package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.proxy.ProxyClient.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.Permission;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gateway authentication with {@code cf-aig-authorization} (proxy.md 2). */
@Timeout(30)
class GatewayAuthenticationTest {

    private static final String OTHER_ACCOUNT = "ffffffffffffffffffffffffffffffff";

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder()
            .account(OTHER_ACCOUNT)
            .token(ApiToken.of("admin-token", AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.READ, Permission.EDIT))
            .token(ApiToken.of("run-token", AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.RUN))
            .token(ApiToken.of("read-token", AiGatewayEmulator.DEFAULT_ACCOUNT_ID, Permission.READ))
            .token(ApiToken.of("other-account-run", OTHER_ACCOUNT, Permission.RUN))
            .build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> chat(String gateway, String... headers) {
        return client.post(client.path(gateway, "openai/chat/completions"), ProxyClient.CHAT, headers);
    }

    @Test
    void anAuthenticatedGatewayRefusesARequestWithoutTokenWith2009AndNeverCallsTheProvider() {
        emulator.createGateway("secure", GatewaySettings.builder().authentication(true).build());

        HttpResponse<String> response = chat("secure");

        assertGatewayError(response, 401, 2009, "Unauthorized");
        assertThat(ProxyClient.json(response).get("description").textValue()).isEqualTo("Unauthorized");
        assertThat(response.headers().firstValue("cf-aig-log-id")).as("not logged").isEmpty();
        assertThat(emulator.recordedRequests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer unknown", "run-token", "Token run-token", "Bearer read-token",
            "Bearer other-account-run", "Bearer "})
    void anAuthenticatedGatewayRefusesAnInvalidTokenWith2009(String header) {
        emulator.createGateway("secure", GatewaySettings.builder().authentication(true).build());

        assertGatewayError(chat("secure", "cf-aig-authorization", header), 401, 2009, "Unauthorized");
        assertThat(emulator.recordedRequests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer run-token", "bearer run-token", "BEARER run-token", "Bearer admin-token"})
    void anAuthenticatedGatewayServesAValidRunOrEditToken(String header) {
        emulator.createGateway("secure", GatewaySettings.builder().authentication(true).build());

        HttpResponse<String> response = chat("secure", "cf-aig-authorization", header);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(emulator.takeRequest().headers()).doesNotContainKey("cf-aig-authorization");
    }

    @Test
    void aGatewayWithoutAuthenticationIgnoresTheHeader() {
        emulator.createGateway("open");

        assertThat(chat("open").statusCode()).isEqualTo(200);
        assertThat(chat("open", "cf-aig-authorization", "Bearer nonsense").statusCode()).isEqualTo(200);
    }

    @Test
    void turningAuthenticationOnTakesEffectOnTheNextRequest() {
        ManagementCalls management = new ManagementCalls(emulator);
        emulator.createGateway("gw");
        assertThat(chat("gw").statusCode()).isEqualTo(200);

        management.update("gw", "{\"cache_invalidate_on_update\":false,\"cache_ttl\":0,\"collect_logs\":true,"
                + "\"rate_limiting_interval\":0,\"rate_limiting_limit\":0,\"authentication\":true}");

        assertGatewayError(chat("gw"), 401, 2009, "Unauthorized");
    }
}
