package dev.aigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.proxy.ProxyClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Gateways declared on the builder: there from the start, and created again, as declared, by every reset, from
 * Java or over the control API; nothing else comes back.
 */
@Timeout(30)
class DeclaredGatewaysTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final GatewaySettings CACHED = GatewaySettings.builder().cacheTtl(Duration.ofMinutes(5)).build();

    private final VirtualClock clock = VirtualClock.startingAt(T0);

    private AiGatewayEmulator.Builder declaring() {
        return AiGatewayEmulator.builder().clock(clock).gateway("my-gateway").gateway("cached", CACHED);
    }

    @Test
    void declaredGatewaysExistFromTheStartWithTheirSettings() {
        try (AiGatewayEmulator emulator = declaring().build()) {
            assertThat(emulator.gateways()).containsExactly(
                    new Gateway("cached", CACHED, T0, T0, false),
                    new Gateway("my-gateway", GatewaySettings.defaults(), T0, T0, false));
        }
    }

    @Test
    void resetCreatesTheDeclaredGatewaysAgainAsDeclaredAndNothingElse() {
        try (AiGatewayEmulator emulator = declaring().build().start()) {
            emulator.updateGateway("cached", GatewaySettings.defaults());
            emulator.deleteGateway("my-gateway");
            emulator.createGateway("made-in-a-test");
            emulator.createGateway("default");
            chat(emulator, "cached");
            clock.advance(Duration.ofHours(1));

            emulator.reset();

            Instant now = T0.plus(Duration.ofHours(1));
            assertThat(emulator.gateways()).containsExactly(
                    new Gateway("cached", CACHED, now, now, false),
                    new Gateway("my-gateway", GatewaySettings.defaults(), now, now, false));
            assertThat(emulator.logs("cached")).isEmpty();
            assertThat(emulator.recordedRequests()).isEmpty();
        }
    }

    @Test
    void theControlApiResetCreatesThemAgainToo() throws Exception {
        try (AiGatewayEmulator emulator = declaring().build().start()) {
            emulator.deleteGateway("my-gateway");

            HttpResponse<String> reset = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(emulator.baseUrl() + "/__emulator/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(reset.statusCode()).isEqualTo(200);
            assertThat(emulator.gateway("my-gateway")).isPresent();
        }
    }

    @Test
    void aDeclaredGatewayServesRequestsWithoutAnyOtherSetup() {
        try (AiGatewayEmulator emulator = declaring().build().start()) {
            assertThat(chat(emulator, "my-gateway").statusCode()).isEqualTo(200);
            assertThat(emulator.logs("my-gateway")).hasSize(1);
        }
    }

    @Test
    void declaredGatewaysBelongToTheDefaultAccountEvenWhenItIsSetAfterThem() {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().gateway("gw").accountId("other-account")
                .build()) {
            assertThat(emulator.accountId()).isEqualTo("other-account");
            assertThat(emulator.gateway("gw")).isPresent();
        }
    }

    @Test
    void aDeclarationTheApiWouldRefuseFailsWhereItIsWrittenWithTheApisErrors() {
        assertThatThrownBy(() -> AiGatewayEmulator.builder().gateway("gw", GatewaySettings.builder()
                .retryMaxAttempts(0).logManagementStrategy(null).logManagement(1).build()))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> assertThat(e.errors())
                        .extracting(ManagementApiException.ApiError::path)
                        .containsExactly(List.of("body", "log_management"), List.of("body", "retry_max_attempts")))
                .hasMessageEndingWith("(in the gateway declared as \"gw\")");
        assertThatThrownBy(() -> AiGatewayEmulator.builder().gateway("Bad_Id"))
                .isInstanceOf(ManagementApiException.class).hasMessageContaining("id: expected a string of lower-case");
    }

    @Test
    void declaringAnIdTwiceIsRefused() {
        assertThatThrownBy(() -> AiGatewayEmulator.builder().gateway("gw").gateway("gw", CACHED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the gateway \"gw\" is declared twice; declare each gateway once");
    }

    @Test
    void declaringMoreGatewaysThanTheAccountMayHaveFailsTheBuild() {
        AiGatewayEmulator.Builder builder = AiGatewayEmulator.builder().maxGatewaysPerAccount(1).gateway("one")
                .gateway("two");

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the declared gateways or the seed do not fit this emulator: Max number of gateways"
                        + " reached");
    }

    private static HttpResponse<String> chat(AiGatewayEmulator emulator, String gateway) {
        ProxyClient proxy = new ProxyClient(emulator);
        return proxy.post(proxy.path(gateway, "openai/chat/completions"), ProxyClient.CHAT);
    }
}
