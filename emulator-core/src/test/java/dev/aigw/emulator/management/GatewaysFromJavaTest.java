package dev.aigw.emulator.management;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.Gateway;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.ManagementApiException;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.proxy.ProxyClient;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Gateways created, read, changed and deleted from Java: the same validation, messages and stored values as the
 * management API over HTTP, and the same effects on the data plane.
 */
@Timeout(30)
class GatewaysFromJavaTest {

    private static final Instant T0 = Instant.parse("2026-08-01T10:15:30.123Z");

    private final VirtualClock clock = VirtualClock.startingAt(T0);
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final ManagementApi api = ManagementApi.of(emulator);
    private final ProxyClient proxy = new ProxyClient(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> chat(String gateway) {
        return proxy.post(proxy.path(gateway, "openai/chat/completions"), ProxyClient.CHAT);
    }

    /** Returns the gateway as {@code GET /gateways/{id}} answers it, without its id. */
    private JsonNode overHttp(String id) {
        ObjectNode gateway = (ObjectNode) api.fetchGateway(id);
        gateway.remove("id");
        return gateway;
    }

    private static List<String> paths(ManagementApiException e) {
        List<String> paths = new ArrayList<>();
        e.errors().forEach(error -> paths.add(String.join(".", error.path())));
        return paths;
    }

    @Test
    void createGatewayWithOnlyAnIdGivesTheSettingsOfADashboardGateway() {
        Gateway created = emulator.createGateway("my-gateway");

        assertThat(created).isEqualTo(new Gateway("my-gateway", GatewaySettings.defaults(), T0, T0, false));
        assertThat(api.fetchGateway("my-gateway")).isEqualTo(json("""
                {"id": "my-gateway", "authentication": false, "byok_only": false, "cache_invalidate_on_update": false, "cache_ttl": 0,
                 "collect_logs": true, "created_at": "2026-08-01T10:15:30.123Z", "is_default": false, "logpush": false,
                 "modified_at": "2026-08-01T10:15:30.123Z", "rate_limiting_interval": 0, "rate_limiting_limit": 0,
                 "rate_limiting_technique": "fixed", "workers_ai_billing_mode": "postpaid", "zdr": false}
                """));
    }

    @Test
    void createGatewayWithEverySettingStoresWhatTheFullHttpBodyStores() {
        emulator.createGateway("from-java", GatewayBodies.fullSettings());
        api.createGateway(GatewayBodies.full("over-http"));

        assertThat(overHttp("from-java")).isEqualTo(overHttp("over-http"));
    }

    @Test
    void aGatewayCreatedOverHttpReadsBackWithEverySettingTyped() {
        api.createGateway(GatewayBodies.full("over-http"));

        Gateway read = emulator.gateway("over-http").orElseThrow();

        assertThat(read.settings()).isEqualTo(GatewayBodies.fullSettings());
        assertThat(read.settings().retryDelay()).hasValue(Duration.ofMillis(500));
        assertThat(read.settings().rateLimitingInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(read.createdAt()).isEqualTo(T0);
    }

    @Test
    void gatewayOfAnUnknownOrImpossibleIdIsEmpty() {
        assertThat(emulator.gateway("nobody")).isEmpty();
        assertThat(emulator.gateway("Not A Gateway Id")).isEmpty();
        assertThat(emulator.gateway("a".repeat(65))).isEmpty();
    }

    @Test
    void gatewaysListsLikeTheApiNewestFirstThenById() {
        emulator.createGateway("beta");
        emulator.createGateway("alpha");
        clock.advance(Duration.ofSeconds(1));
        emulator.createGateway("newest");

        assertThat(emulator.gateways()).extracting(Gateway::id).containsExactly("newest", "alpha", "beta")
                .isEqualTo(api.gatewayIds());
    }

    @Test
    void createGatewayNamedDefaultMakesTheDefaultGateway() {
        assertThat(emulator.createGateway("default").isDefault()).isTrue();
    }

    @Test
    void updateGatewayReplacesEverySettingAndStampsTheModificationTime() {
        Gateway created = emulator.createGateway("gw", GatewaySettings.builder().retryMaxAttempts(3)
                .retryBackoff(GatewaySettings.Backoff.LINEAR).authentication(true).build());
        clock.advance(Duration.ofMinutes(1));

        Gateway updated = emulator.updateGateway("gw", created.settings().newBuilder()
                .retryMaxAttempts(null).retryBackoff(null).cacheTtl(Duration.ofMinutes(5)).build());

        assertThat(updated.settings()).isEqualTo(GatewaySettings.builder().authentication(true)
                .cacheTtl(Duration.ofMinutes(5)).build());
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.modifiedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(api.fetchGateway("gw").has("retry_max_attempts")).as("an unset setting is absent").isFalse();
        assertThat(emulator.gateway("gw")).hasValue(updated);
    }

    @Test
    void updateGatewayTakesEffectOnTheDataPlaneAsAnHttpUpdateDoes() {
        emulator.createGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofMinutes(5)).build());
        chat("gw");
        assertThat(chat("gw").headers().firstValue("cf-aig-cache-status")).hasValue("HIT");

        emulator.updateGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofMinutes(5))
                .cacheInvalidateOnUpdate(true).build());

        assertThat(chat("gw").headers().firstValue("cf-aig-cache-status")).hasValue("MISS");
    }

    @Test
    void gatewaySettingsGovernTheRequestsThroughIt() {
        emulator.createGateway("gw", GatewaySettings.builder().retryMaxAttempts(3).retryDelay(Duration.ofSeconds(1))
                .retryBackoff(GatewaySettings.Backoff.LINEAR).build());
        emulator.script("openai").enqueue(UpstreamResponse.status(503), 2);

        assertThat(chat("gw").statusCode()).isEqualTo(200);
        assertThat(emulator.lastTimeline().attemptStartsMillis()).containsExactly(0L, 1_000L, 3_000L);
    }

    @Test
    void createGatewayWithInvalidSettingsCarriesTheErrorsTheHttpApiAnswers() {
        GatewaySettings invalid = GatewaySettings.builder().retryMaxAttempts(6).retryDelay(Duration.ofSeconds(70))
                .logManagement(5).otel("[{\"headers\": {}}]").build();
        ApiReply reply = api.post("/gateways", GatewayBodies.minimalWith("gw", "\"retry_max_attempts\": 6,"
                + " \"retry_delay\": 70000, \"log_management\": 5, \"otel\": [{\"headers\": {}}]"));

        ManagementApiException e = catchThrowableOfType(ManagementApiException.class,
                () -> emulator.createGateway("gw", invalid));

        assertThat(e.status()).isEqualTo(reply.status()).isEqualTo(400);
        assertThat(paths(e)).containsExactly("body.log_management", "body.otel.0.url", "body.retry_delay",
                "body.retry_max_attempts");
        for (int i = 0; i < e.errors().size(); i++) {
            JsonNode error = reply.errors().get(i);
            assertThat(e.errors().get(i).code()).isEqualTo(error.get("code").asInt()).isEqualTo(7001);
            assertThat(e.errors().get(i).message()).isEqualTo(error.get("message").asText());
        }
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessage(
                "Input Validation Error: log_management: expected an integer from 10000 to 10000000, got 5; "
                        + "Input Validation Error: otel.0.url is required; "
                        + "Input Validation Error: retry_delay: expected an integer from 0 to 60000, got 70000; "
                        + "Input Validation Error: retry_max_attempts: expected an integer from 1 to 5, got 6");
        assertThat(emulator.gateways()).isEmpty();
    }

    @Test
    void createGatewayWithAnIdTheApiRefusesSaysWhatAnIdIs() {
        ManagementApiException e = catchThrowableOfType(ManagementApiException.class,
                () -> emulator.createGateway("My Gateway"));

        assertThat(e.errors()).containsExactly(new ManagementApiException.ApiError(7001, "Input Validation Error: id:"
                + " expected a string of lower-case letters, digits and '_', with single '-' between groups, got"
                + " \"My Gateway\"", List.of("body", "id")));
        assertThat(paths(catchThrowableOfType(ManagementApiException.class, () -> emulator.createGateway(""))))
                .containsExactly("body.id");
    }

    @Test
    void createGatewayOfATakenIdIsRefusedAndKeepsTheFirst() {
        emulator.createGateway("gw", GatewaySettings.builder().zdr(true).build());

        assertThatThrownBy(() -> emulator.createGateway("gw"))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> assertThat(e.errors()).containsExactly(
                        new ManagementApiException.ApiError(7001, "A gateway with this id already exists",
                                List.of("body", "id"))))
                .hasMessage("A gateway with this id already exists");
        assertThat(emulator.gateway("gw").orElseThrow().settings().zdr()).isTrue();
    }

    @Test
    void createGatewayBeyondTheAccountsLimitIsRefused() {
        try (AiGatewayEmulator limited = AiGatewayEmulator.builder().maxGatewaysPerAccount(1).build()) {
            limited.createGateway("one");

            assertThatThrownBy(() -> limited.createGateway("two")).isInstanceOf(ManagementApiException.class)
                    .hasMessage("Max number of gateways reached");
        }
    }

    @Test
    void updateGatewayOfAnUnknownGatewayIsNotFoundAndSaysWhichExist() {
        ManagementApiException e = catchThrowableOfType(ManagementApiException.class,
                () -> emulator.updateGateway("nobody", GatewaySettings.defaults()));

        assertThat(e.status()).isEqualTo(404);
        assertThat(e.errors()).containsExactly(new ManagementApiException.ApiError(7002, "Not Found", List.of()));
        assertThat(e).hasMessage("Not Found (no gateway \"nobody\" exists in account "
                + AiGatewayEmulator.DEFAULT_ACCOUNT_ID + "; gateways() lists those that do)");
    }

    @Test
    void updateGatewayWithInvalidSettingsChangesNothing() {
        Gateway created = emulator.createGateway("gw");
        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> emulator.updateGateway("gw", GatewaySettings.builder().cacheTtl(Duration.ofSeconds(-1))
                .rateLimitingLimit(-1).build()))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> assertThat(paths(e))
                        .containsExactly("body.cache_ttl", "body.rate_limiting_limit"));
        assertThat(emulator.gateway("gw")).hasValue(created);
    }

    @Test
    void updateGatewayOfAnUnknownGatewayWithInvalidSettingsIsNotFoundFirst() {
        assertThatThrownBy(() -> emulator.updateGateway("nobody", GatewaySettings.builder().retryMaxAttempts(9).build()))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void deleteGatewayAnswersItAsItWasAndDropsItsLogs() {
        Gateway created = emulator.createGateway("gw");
        chat("gw");
        assertThat(emulator.logs("gw")).hasSize(1);

        assertThat(emulator.deleteGateway("gw")).isEqualTo(created);

        assertThat(emulator.gateway("gw")).isEmpty();
        assertOk(api.post("/gateways", GatewayBodies.minimal("gw")));
        assertThat(emulator.logs("gw")).isEmpty();
    }

    @Test
    void deleteGatewayOfAnUnknownGatewayIsNotFound() {
        assertThatThrownBy(() -> emulator.deleteGateway("nobody"))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> emulator.deleteGateway("NOT-AN-ID"))
                .isInstanceOfSatisfying(ManagementApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void nullArgumentsAreRefusedNamingTheArgument() {
        assertThatThrownBy(() -> emulator.createGateway(null)).isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> emulator.createGateway("gw", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("settings");
        assertThatThrownBy(() -> emulator.updateGateway("gw", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("settings");
        assertThatThrownBy(() -> emulator.gateway(null)).isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> emulator.deleteGateway(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("id");
    }

    @Test
    void gatewaysCanBeManagedBeforeTheEmulatorStarts() {
        try (AiGatewayEmulator notStarted = AiGatewayEmulator.builder().build()) {
            notStarted.createGateway("early");

            assertThat(notStarted.gateways()).extracting(Gateway::id).containsExactly("early");
        }
    }
}
