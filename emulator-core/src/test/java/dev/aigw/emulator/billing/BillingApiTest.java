package dev.aigw.emulator.billing;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertFrontDoorError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertNotFound;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertServiceError;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static dev.aigw.emulator.testsupport.SdkShapes.checkBilling;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.BillingChange;
import dev.aigw.emulator.BillingState;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The account billing operations B1-B12 (management-api-2.md 6.2), every success checked against the SDK's typings
 * ({@code sdk-shapes/billing.json}): amounts in cents, times on the virtual clock.
 */
@Timeout(30)
class BillingApiTest {

    private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    private static final String OTHER_ACCOUNT = "fedcba9876543210fedcba9876543210";
    private static final Instant START = Instant.parse("2026-08-03T10:15:00Z");

    private final VirtualClock clock = VirtualClock.startingAt(START);
    private AiGatewayEmulator emulator;
    private ManagementApi admin;

    @BeforeEach
    void start() {
        emulator = AiGatewayEmulator.builder().clock(clock).accountId(ACCOUNT).account(OTHER_ACCOUNT)
                .token(new ApiToken("admin-token", Set.of(ApiToken.ANY_ACCOUNT),
                        Set.of(Permission.READ, Permission.EDIT, Permission.RUN)))
                .token(ApiToken.of("read-token", ACCOUNT, Permission.READ))
                .build().start();
        admin = ManagementApi.of(emulator).withToken("admin-token");
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private JsonNode topUp(String body) {
        return checkBilling("topup.create", assertOk(admin.post("/billing/topup", body)));
    }

    @Test
    void aNewAccountHasNoCreditsTheTestCardAndNoAutoTopUp() {
        JsonNode balance = checkBilling("creditBalance", assertOk(admin.get("/billing/credit-balance")));

        assertThat(balance).isEqualTo(json("""
                {"balance":0,"has_default_payment_method":true,"payment_method":{"brand":"visa","last4":"4242"},
                 "topup_config":{"amount":null,"threshold":null}}"""));
    }

    @Test
    void aTopUpCreditsTheAmountMakesTheAccountMeteredAndWritesAPaidInvoiceWithTheFee() {
        JsonNode first = topUp("{\"amount\":1000}");

        assertThat(first.get("client_secret").isNull()).isTrue();
        assertThat(first.get("onboarding").asBoolean()).isFalse();
        assertThat(first.get("payment_intent_id").asText()).matches("in_[0-9a-zA-Z]{24}");
        assertThat(first.get("brand").asText()).isEqualTo("visa");
        assertThat(first.get("last4").asText()).isEqualTo("4242");
        JsonNode balance = assertOk(admin.get("/billing/credit-balance"));
        assertThat(balance.get("balance").asLong()).isEqualTo(1000);
        assertThat(balance.get("first_topup_success").asBoolean()).isTrue();
        assertThat(emulator.billing().state().metered()).isTrue();
        assertThat(topUp("{\"amount\":2000,\"payment_method_id\":\"pm_card_visa\"}").get("onboarding").asBoolean())
                .isTrue();

        JsonNode history = checkBilling("invoiceHistory", assertOk(admin.get("/billing/invoice-history")));
        assertThat(history.get("invoices")).hasSize(2);
        JsonNode newest = history.get("invoices").get(0);
        assertThat(newest.get("amount_due").asLong()).isEqualTo(2100);
        assertThat(newest.get("amount_paid").asLong()).isEqualTo(2100);
        assertThat(newest.get("amount_remaining").asLong()).isZero();
        assertThat(newest.get("invoice_origin").asText()).isEqualTo("manual");
        assertThat(newest.get("created").asLong()).isEqualTo(START.getEpochSecond());
        assertThat(history.get("invoices").get(1).get("id").asText()).isEqualTo(first.get("payment_intent_id").asText());
        assertThat(history.get("pagination")).isEqualTo(
                json("{\"has_more\":false,\"page\":1,\"per_page\":20,\"total_count\":2}"));
    }

    @Test
    void aTopUpBelowTenDollarsIsRefusedAtItsAmount() {
        assertValidationError(admin.post("/billing/topup", "{\"amount\":999}"), "body", "amount");
        assertValidationError(admin.post("/billing/topup", "{}"), "body", "amount");
        assertValidationError(admin.post("/billing/topup", "{\"amount\":1000,\"payment_method\":\"x\"}"),
                "body", "payment_method");
        assertThat(emulator.billing().state().metered()).isFalse();
    }

    @Test
    void aTopUpWithAnotherCardADeclinedCardOrNoCardFailsAndAddsNothing() {
        String failed = "{\"code\":7001,\"message\":\"Payment failed\"}";
        assertThat(assertServiceError(admin.post("/billing/topup",
                "{\"amount\":1000,\"payment_method_id\":\"pm_other\"}"), 400, 7001)).isEqualTo(json(failed));
        emulator.billing().change(BillingChange.builder().paymentMethod(BillingState.PaymentMethod.declined()).build());
        assertThat(assertServiceError(admin.post("/billing/topup", "{\"amount\":1000}"), 400, 7001))
                .isEqualTo(json(failed));
        emulator.billing().change(BillingChange.builder().paymentMethod(null).build());
        assertThat(assertServiceError(admin.post("/billing/topup", "{\"amount\":1000}"), 400, 7001))
                .isEqualTo(json(failed));

        assertThat(assertOk(admin.get("/billing/credit-balance")).get("has_default_payment_method").asBoolean())
                .isFalse();
        assertThat(assertOk(admin.get("/billing/invoice-history")).get("invoices")).isEmpty();
    }

    @Test
    void aTopUpStaysPendingUntilItsSettleTimeHasPassedOnTheClock() {
        emulator.billing().change(BillingChange.builder().topupSettleMillis(5000).build());
        String id = topUp("{\"amount\":1000}").get("payment_intent_id").asText();
        String status = "{\"payment_intent_id\":\"" + id + "\"}";

        assertThat(checkBilling("topup.status", assertOk(admin.post("/billing/topup/status", status))))
                .isEqualTo(json("{\"payment_intent_id\":\"" + id + "\",\"status\":\"pending\"}"));
        assertThat(assertOk(admin.get("/billing/credit-balance")).get("balance").asLong()).isZero();

        clock.advance(Duration.ofSeconds(5));

        assertThat(assertOk(admin.post("/billing/topup/status", status)).get("status").asText()).isEqualTo("completed");
        assertThat(assertOk(admin.get("/billing/credit-balance")).get("balance").asLong()).isEqualTo(1000);
    }

    @Test
    void theStatusOfAnUnknownTopUpIsNotFoundAndAMissingIdIsInvalid() {
        assertNotFound(admin.post("/billing/topup/status", "{\"payment_intent_id\":\"in_000000000000000000000000\"}"));
        String id = topUp("{\"amount\":1000}").get("payment_intent_id").asText();
        assertNotFound(admin.forAccount(OTHER_ACCOUNT).post("/billing/topup/status",
                "{\"payment_intent_id\":\"" + id + "\"}"));
        assertValidationError(admin.post("/billing/topup/status", "{}"), "body", "payment_intent_id");
    }

    @Test
    void invoiceHistoryFiltersOnTheInvoiceOriginAndPages() {
        topUp("{\"amount\":1000}");
        clock.advance(Duration.ofMinutes(1));
        topUp("{\"amount\":1500}");

        assertThat(amounts(assertOk(admin.get("/billing/invoice-history?type=manual")))).containsExactly(1575L, 1050L);
        assertThat(amounts(assertOk(admin.get("/billing/invoice-history?type=auto")))).isEmpty();
        JsonNode second = assertOk(admin.get("/billing/invoice-history?per_page=1&page=2"));
        assertThat(amounts(second)).containsExactly(1050L);
        assertThat(second.get("pagination").get("has_more").asBoolean()).isFalse();
        assertThat(assertOk(admin.get("/billing/invoice-history?per_page=1")).get("pagination").get("has_more")
                .asBoolean()).isTrue();
        JsonNode bad = assertValidationError(admin.get("/billing/invoice-history?type=Manual"), "query", "type");
        assertThat(bad.get("message").asText()).contains("did you mean \"manual\"");
        assertValidationError(admin.get("/billing/invoice-history?per_page=101"), "query", "per_page");
    }

    @Test
    void invoicePreviewAndUsageHistoryShowTheMonthsUnifiedBillingUsagePerModelAndPerBucket() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
        PricedTraffic traffic = new PricedTraffic(emulator);
        traffic.everyReplyCostsOneDollar();
        traffic.chat("gw");
        clock.advance(Duration.ofHours(1));
        traffic.chat("gw");
        traffic.chat("gw");

        JsonNode preview = checkBilling("invoicePreview", assertOk(admin.get("/billing/invoice-preview")));
        long august = Instant.parse("2026-08-01T00:00:00Z").getEpochSecond();
        long september = Instant.parse("2026-09-01T00:00:00Z").getEpochSecond();
        assertThat(preview.get("id").asText()).isEqualTo("in_upcoming_202608");
        assertThat(preview.get("status").asText()).isEqualTo("draft");
        assertThat(preview.get("period_start").asLong()).isEqualTo(august);
        assertThat(preview.get("period_end").asLong()).isEqualTo(september);
        assertThat(preview.get("amount_due").asLong()).isZero();
        JsonNode line = preview.get("invoice_lines").get(0);
        assertThat(preview.get("invoice_lines")).hasSize(1);
        assertThat(line.get("description").asText()).isEqualTo("openai/gpt-4o");
        assertThat(line.get("amount").decimalValue()).isEqualByComparingTo("300");
        assertThat(line.get("pretax_credit_amounts").get(0).get("amount").decimalValue()).isEqualByComparingTo("300");

        JsonNode hourly = checkBilling("usageHistory",
                assertOk(admin.get("/billing/usage-history?value_grouping_window=hour")));
        long ten = Instant.parse("2026-08-03T10:00:00Z").toEpochMilli();
        long eleven = Instant.parse("2026-08-03T11:00:00Z").toEpochMilli();
        assertThat(hourly.get("history")).hasSize(2);
        assertThat(hourly.get("history").get(0).get("id").asText()).isEqualTo("hour-" + ten);
        assertThat(hourly.get("history").get(0).get("aggregated_value").decimalValue()).isEqualByComparingTo("100");
        assertThat(hourly.get("history").get(0).get("end_time").asLong()).isEqualTo(eleven);
        assertThat(hourly.get("history").get(1).get("aggregated_value").decimalValue()).isEqualByComparingTo("200");
        JsonNode daily = assertOk(admin.get("/billing/usage-history?value_grouping_window=day"));
        assertThat(daily.get("history")).hasSize(1);
        assertThat(daily.get("history").get(0).get("aggregated_value").decimalValue()).isEqualByComparingTo("300");
        JsonNode window = assertOk(admin.get("/billing/usage-history?value_grouping_window=hour&start_time=" + eleven));
        assertThat(window.get("history")).hasSize(1);
    }

    @Test
    void usageHistoryNeedsAGroupingWindowAndEpochMillis() {
        assertValidationError(admin.get("/billing/usage-history"), "query", "value_grouping_window");
        assertValidationError(admin.get("/billing/usage-history?value_grouping_window=week"), "query",
                "value_grouping_window");
        assertValidationError(admin.get("/billing/usage-history?value_grouping_window=day&start_time=yesterday"),
                "query", "start_time");
        assertValidationError(admin.get("/billing/usage-history?value_grouping_window=day&end_time=-1"),
                "query", "end_time");
    }

    @Test
    void autoTopUpIsReadWithATokenButOnlyTheDashboardMayConfigureIt() {
        assertThat(checkBilling("topup.config.get", assertOk(admin.get("/billing/topup/config"))))
                .isEqualTo(json("{\"amount\":null,\"threshold\":null}"));
        String dashboardOnly = "Auto top-up can only be configured from the dashboard";
        assertFrontDoorError(admin.post("/billing/topup/config", "{\"amount\":1000,\"threshold\":500}"), 403, 10000,
                dashboardOnly);
        assertFrontDoorError(admin.delete("/billing/topup/config"), 403, 10000, dashboardOnly);

        Instant failedAt = clock.now();
        emulator.billing().change(BillingChange.builder()
                .topupConfig(new BillingState.TopupConfig(1000, 500, "payment_failed", "Payment failed", failedAt))
                .build());
        assertThat(assertOk(admin.get("/billing/topup/config"))).isEqualTo(json("{\"amount\":1000,\"threshold\":500,"
                + "\"disabledReason\":\"payment_failed\",\"error\":\"Payment failed\",\"lastFailedAt\":"
                + failedAt.toEpochMilli() + "}"));
        assertThat(assertOk(admin.get("/billing/credit-balance")).get("topup_config").get("disabledReason").asText())
                .isEqualTo("payment_failed");
    }

    @Test
    void theAccountSpendingLimitIsDeprecatedAndCanOnlyBeReadAndDeleted() {
        assertThat(checkBilling("spendingLimit.get", assertOk(admin.get("/billing/spending-limit")))).isEqualTo(
                json("{\"enabled\":false,\"config\":{\"amount\":null,\"duration\":null,\"strategy\":null}}"));
        assertFrontDoorError(admin.post("/billing/spending-limit",
                        "{\"amount\":1000,\"duration\":\"daily\",\"strategy\":\"fixed\"}"), 403, 10000,
                "Spending limits are deprecated; use AI Gateway spend limits");

        emulator.billing().change(BillingChange.builder()
                .legacySpendingLimit(new BillingState.SpendingLimit(5000, "weekly", "sliding", true)).build());
        assertThat(assertOk(admin.get("/billing/spending-limit"))).isEqualTo(
                json("{\"enabled\":true,\"config\":{\"amount\":5000,\"duration\":\"weekly\",\"strategy\":\"sliding\"}}"));

        assertThat(assertOk(admin.delete("/billing/spending-limit")).isNull()).isTrue();
        assertThat(assertOk(admin.get("/billing/spending-limit")).get("enabled").asBoolean()).isFalse();
        assertThat(assertOk(admin.delete("/billing/spending-limit")).isNull()).isTrue();
        assertThat(emulator.billing().state().legacySpendingLimit()).isNull();
    }

    @Test
    void eachAccountHasItsOwnCredits() {
        topUp("{\"amount\":1000}");

        assertThat(assertOk(admin.forAccount(OTHER_ACCOUNT).get("/billing/credit-balance")).get("balance").asLong())
                .isZero();
        assertThat(emulator.billing().state(OTHER_ACCOUNT).metered()).isFalse();
    }

    @Test
    void aReadTokenReadsBillingButCannotBuyOrChangeAnything() {
        ManagementApi reader = admin.withToken("read-token");

        for (String path : List.of("/billing/credit-balance", "/billing/invoice-history", "/billing/invoice-preview",
                "/billing/usage-history?value_grouping_window=day", "/billing/topup/config", "/billing/spending-limit")) {
            assertOk(reader.get(path));
        }
        assertFrontDoorError(reader.post("/billing/topup", "{\"amount\":1000}"), 403, 10000, "Authentication error");
        assertFrontDoorError(reader.post("/billing/topup/status", "{\"payment_intent_id\":\"in_x\"}"), 403, 10000,
                "Authentication error");
        assertFrontDoorError(reader.delete("/billing/spending-limit"), 403, 10000, "Authentication error");
        assertFrontDoorError(reader.forAccount(OTHER_ACCOUNT).get("/billing/credit-balance"), 403, 9109,
                "Unauthorized to access requested resource");
        assertFrontDoorError(admin.withoutCredentials().get("/billing/credit-balance"), 400, 9106,
                "Missing X-Auth-Key, X-Auth-Email or Authorization headers");
        assertThat(emulator.billing().state().metered()).isFalse();
    }

    @Test
    void topUpLimitsIsNotAnOperationAndAWrongMethodIsRefused() {
        assertFrontDoorError(admin.get("/billing/topup/limits"), 404, 7003, "Could not route to "
                + "/accounts/" + ACCOUNT + "/ai-gateway/billing/topup/limits, perhaps your object identifier"
                + " is invalid?");
        assertFrontDoorError(admin.send("PUT", "/billing/credit-balance", BodyPublishers.ofString("{}")), 405, 10405,
                "Method not allowed");
    }

    private static List<Long> amounts(JsonNode history) {
        List<Long> amounts = new ArrayList<>();
        history.get("invoices").forEach(i -> amounts.add(i.get("amount_paid").asLong()));
        return amounts;
    }
}
