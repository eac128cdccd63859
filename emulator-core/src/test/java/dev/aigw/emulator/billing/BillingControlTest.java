package dev.aigw.emulator.billing;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertServiceError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.BillingChange;
import dev.aigw.emulator.BillingState;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.RemoteEmulator;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The control API's billing state per account (management-api-2.md 6.4), over HTTP and through a RemoteEmulator. */
@Timeout(30)
class BillingControlTest {

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-08-03T10:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final ManagementApi http = ManagementApi.of(emulator);
    private final RemoteEmulator remote = RemoteEmulator.connect(emulator.baseUrl(), emulator.accountId(),
            emulator.apiToken());
    private final HttpClient client = HttpClient.newHttpClient();
    private final String path = "/__emulator/billing/" + emulator.accountId();

    @AfterEach
    void close() {
        emulator.close();
    }

    /** Sends a control call; a success is the state itself, unenveloped. */
    private JsonNode call(String method, String target, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + target))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode put(String body) {
        return call("PUT", path, body);
    }

    /** Sends a {@code PUT} that fails, in the v4 error envelope. */
    private ApiReply refusedPut(String body) {
        return http.sendRaw("PUT", path, BodyPublishers.ofString(body));
    }

    @Test
    void getShowsTheInitialStateOfAnAccount() {
        JsonNode state = call("GET", path, null);

        assertThat(state).isEqualTo(json("{\"account_id\":\"" + emulator.accountId() + "\",\"metered\":false,"
                + "\"balance_cents\":0,\"first_topup_success\":false,\"charge_failed_requests\":false,"
                + "\"topup_settle_ms\":0,\"payment_method\":{\"id\":\"pm_card_visa\",\"brand\":\"visa\","
                + "\"last4\":\"4242\",\"fails\":false},\"topup_config\":null,\"legacy_spending_limit\":null,"
                + "\"ledger\":[]}"));
    }

    @Test
    void putChangesOnlyTheMembersGivenAndABalanceMakesTheAccountMetered() {
        JsonNode state = put("{\"balance_cents\":250.5,\"topup_config\":{\"amount\":1000,\"threshold\":500},"
                + "\"legacy_spending_limit\":{\"amount\":100,\"duration\":\"daily\"}}");

        assertThat(state.get("metered").asBoolean()).isTrue();
        assertThat(state.get("balance_cents").decimalValue()).isEqualByComparingTo("250.5");
        assertThat(state.get("topup_config")).isEqualTo(json("{\"amount\":1000,\"threshold\":500,"
                + "\"disabledReason\":null,\"error\":null,\"lastFailedAt\":null}"));
        assertThat(state.get("legacy_spending_limit")).isEqualTo(
                json("{\"amount\":100,\"duration\":\"daily\",\"strategy\":\"fixed\",\"enabled\":true}"));
        assertThat(state.get("payment_method").get("id").asText()).isEqualTo("pm_card_visa");
        assertThat(put("{\"payment_method\":null}").get("balance_cents").decimalValue())
                .isEqualByComparingTo("250.5");
        assertThat(emulator.billing().state().paymentMethod()).isNull();
    }

    @Test
    void resetRestoresTheInitialState() {
        put("{\"balance_cents\":10,\"charge_failed_requests\":true}");

        JsonNode reset = call("POST", path + "/reset", null);

        assertThat(reset.get("metered").asBoolean()).isFalse();
        assertThat(reset.get("charge_failed_requests").asBoolean()).isFalse();
        put("{\"balance_cents\":10}");
        call("POST", "/__emulator/reset", null);
        assertThat(emulator.billing().state().metered()).isFalse();
    }

    @Test
    void aBadMemberIsRefusedWithItsPathAndTheClosestName() {
        JsonNode unknown = assertValidationError(refusedPut("{\"balance\":5}"), "body", "balance");
        assertThat(unknown.get("message").asText()).contains("did you mean \"balance_cents\"");
        assertValidationError(refusedPut("{\"topup_config\":{\"amount\":999,\"threshold\":500}}"),
                "body", "topup_config", "amount");
        assertValidationError(refusedPut("{\"topup_config\":{\"amount\":1000,\"threshold\":499}}"),
                "body", "topup_config", "threshold");
        assertValidationError(refusedPut("{\"legacy_spending_limit\":{\"amount\":99,\"duration\":\"daily\"}}"),
                "body", "legacy_spending_limit", "amount");
        assertValidationError(refusedPut("{\"legacy_spending_limit\":{\"amount\":100,\"duration\":\"yearly\"}}"),
                "body", "legacy_spending_limit", "duration");
        assertValidationError(refusedPut("{\"metered\":\"yes\"}"), "body", "metered");
        assertValidationError(refusedPut("[]"), "body");
        assertThat(emulator.billing().state().metered()).isFalse();
    }

    @Test
    void anAccountTheEmulatorDoesNotHaveIsNotFound() {
        JsonNode error = assertServiceError(http.sendRaw("GET", "/__emulator/billing/nope", BodyPublishers.noBody()),
                404, 7002);
        String message = "no account \"nope\"; the emulator's accounts: [" + emulator.accountId() + "]";
        assertThat(error.get("message").asText()).isEqualTo(message);
        assertThatThrownBy(() -> emulator.billing().state("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> remote.billing().reset("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        String near = emulator.accountId().substring(0, 31) + "0";
        assertThatThrownBy(() -> remote.billing().state(near)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did you mean \"" + emulator.accountId() + "\"");
    }

    @Test
    void aRemoteEmulatorReadsAndChangesTheSameStateAsTheInProcessOne() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
        PricedTraffic traffic = new PricedTraffic(emulator);
        traffic.everyReplyCostsOneDollar();

        BillingState changed = remote.billing().change(BillingChange.builder().balanceCents(new BigDecimal("500"))
                .topupConfig(BillingState.TopupConfig.of(1000, 500)).chargeFailedRequests(true)
                .topupSettleMillis(100)
                .legacySpendingLimit(new BillingState.SpendingLimit(10_000, "monthly", "sliding", false))
                .paymentMethod(BillingState.PaymentMethod.declined()).build());
        traffic.chat("gw");

        assertThat(changed.metered()).isTrue();
        assertThat(changed.topupSettleMillis()).isEqualTo(100);
        assertThat(changed.chargeFailedRequests()).isTrue();
        assertThat(changed.legacySpendingLimit()).isEqualTo(
                new BillingState.SpendingLimit(10_000, "monthly", "sliding", false));
        BillingState local = emulator.billing().state();
        assertThat(remote.billing().state()).isEqualTo(local);
        assertThat(local.balanceCents()).isEqualByComparingTo("400");
        assertThat(local.topupConfig().disabledReason()).isEqualTo("payment_failed");
        assertThat(local.ledger()).singleElement().satisfies(d -> assertThat(d.at()).isEqualTo(clock.now()));
        assertThat(remote.billing().reset().metered()).isFalse();
        assertThat(emulator.billing().state().metered()).isFalse();
    }
}
