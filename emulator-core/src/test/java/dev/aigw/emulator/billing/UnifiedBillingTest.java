package dev.aigw.emulator.billing;

import static dev.aigw.emulator.billing.PricedTraffic.assertGatewayError;
import static dev.aigw.emulator.billing.PricedTraffic.costing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.BillingChange;
import dev.aigw.emulator.BillingState;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.NewProviderConfig;
import dev.aigw.emulator.RemoteEmulator;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.VirtualClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Requests paid from Unified Billing credits (management-api-2.md 6.3), each gpt-4o reply costing 1 USD = 100 cents. */
@Timeout(60)
class UnifiedBillingTest {

    private static final String NO_CREDITS = "Insufficient balance; add money to your gateway or use BYOK";

    private final VirtualClock clock = VirtualClock.startingAt(Instant.parse("2026-08-03T10:00:00Z"));
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
    private final PricedTraffic traffic = new PricedTraffic(emulator);

    @BeforeEach
    void unifiedBillingGateway() {
        emulator.createGateway("gw", GatewaySettings.builder().authentication(true).build());
        traffic.everyReplyCostsOneDollar();
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private BillingState balance(long cents) {
        return emulator.billing().change(BillingChange.builder().balanceCents(cents).build());
    }

    @Test
    void anUnmeteredAccountIsUnlimitedButItsLedgerRecordsTheUsage() {
        assertThat(traffic.chat("gw").statusCode()).isEqualTo(200);

        BillingState state = emulator.billing().state();
        assertThat(state.metered()).isFalse();
        assertThat(state.balanceCents()).isEqualByComparingTo("0");
        assertThat(state.ledger()).singleElement().satisfies(draw -> {
            assertThat(draw.cents()).isEqualByComparingTo("100");
            assertThat(draw.gatewayId()).isEqualTo("gw");
            assertThat(draw.provider()).isEqualTo("openai");
            assertThat(draw.model()).isEqualTo("gpt-4o");
            assertThat(draw.at()).isEqualTo(clock.now());
        });
    }

    @Test
    void aMeteredAccountAtZeroIsRefusedWith402BeforeAnyUpstreamCall() {
        balance(0);

        HttpResponse<String> refused = traffic.chat("gw");

        assertGatewayError(refused, 402, 2021, NO_CREDITS);
        traffic.assertRefusedAndRecorded("gw", refused, 402, 2021, NO_CREDITS);
        assertThat(emulator.recordedRequests()).isEmpty();
        assertThat(emulator.billing().state().ledger()).isEmpty();
    }

    @Test
    void aRemoteEmulatorReadsTheSameRefusalOnTheTimeline() {
        balance(0);
        traffic.chat("gw");

        Timeline remote = RemoteEmulator.connect(emulator.baseUrl(), emulator.accountId(), emulator.apiToken())
                .lastTimeline();

        assertThat(remote).isEqualTo(emulator.lastTimeline());
        assertThat(remote.refusal()).isEqualTo(new Timeline.Refusal(402, 2021, NO_CREDITS, 0));
    }

    @Test
    void eachCompletedRequestDrawsItsCostTimesAHundredAndTheBalanceMayGoNegative() {
        balance(150);

        assertThat(traffic.chat("gw").statusCode()).isEqualTo(200);
        assertThat(emulator.billing().state().balanceCents()).isEqualByComparingTo("50");
        assertThat(traffic.chat("gw").statusCode()).isEqualTo(200);
        assertThat(emulator.billing().state().balanceCents()).isEqualByComparingTo("-50");
        assertGatewayError(traffic.chat("gw"), 402, 2021, NO_CREDITS);
        assertThat(emulator.logs("gw")).hasSize(3);
        assertThat(emulator.logs("gw").stream().mapToDouble(e -> e.cost()).sum()).isEqualTo(2.0);
    }

    @Test
    void requestsAdmittedBeforeAnyCompletesAllPassBecauseNothingIsReserved() throws Exception {
        balance(1);
        emulator.script("openai").clear().always(costing(200, 1, Duration.ofSeconds(2)));
        clock.setMode(ClockMode.MANUAL);

        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(CompletableFuture.supplyAsync(() -> traffic.chat("gw")));
        }
        clock.awaitWaiters(3, Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(2));

        for (CompletableFuture<HttpResponse<String>> response : inFlight) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        assertThat(emulator.billing().state().balanceCents()).isEqualByComparingTo("-299");
        assertGatewayError(traffic.chat("gw"), 402, 2021, NO_CREDITS);
    }

    @Test
    void cacheHitsDrawNothing() {
        emulator.updateGateway("gw", GatewaySettings.builder().authentication(true)
                .cacheTtl(Duration.ofMinutes(5)).build());
        balance(1000);

        assertThat(traffic.chat("gw").headers().firstValue("cf-aig-cache-status")).contains("MISS");
        assertThat(traffic.chat("gw").headers().firstValue("cf-aig-cache-status")).contains("HIT");

        assertThat(emulator.billing().state().ledger()).hasSize(1);
        assertThat(emulator.billing().state().balanceCents()).isEqualByComparingTo("900");
    }

    @Test
    void aFailedAnswerDrawsNothingUnlessTheAccountChargesFailedRequests() {
        emulator.script("openai").clear().always(costing(400, 1, Duration.ZERO));
        balance(1000);

        assertThat(traffic.chat("gw").statusCode()).isEqualTo(400);
        assertThat(emulator.billing().state().balanceCents()).isEqualByComparingTo("1000");

        emulator.billing().change(BillingChange.builder().chargeFailedRequests(true).build());
        assertThat(traffic.chat("gw").statusCode()).isEqualTo(400);
        assertThat(emulator.billing().state().balanceCents()).isEqualByComparingTo("900");
    }

    @Test
    void aRequestWithItsOwnKeyOrAStoredKeyIsNeitherRefusedNorCharged() {
        balance(0);
        assertThat(traffic.chat("gw", "authorization", "Bearer sk-own-key").statusCode()).isEqualTo(200);
        emulator.createProviderConfig("gw", NewProviderConfig.key("openai", "default", "sk-test-stored-key"));
        assertThat(traffic.chat("gw").statusCode()).isEqualTo(200);

        assertThat(emulator.billing().state().ledger()).isEmpty();
        assertThat(emulator.billing().state().balanceCents()).isEqualByComparingTo("0");
    }

    @Test
    void workersAiOnAUnifiedBillingGatewayIsPaidWithCredits() {
        emulator.updateGateway("gw", GatewaySettings.builder().authentication(true)
                .workersAiBillingMode(GatewaySettings.WorkersAiBillingMode.UNIFIED).build());
        balance(0);

        assertGatewayError(traffic.send("gw", "workers-ai/@cf/meta/llama-3.1-8b-instruct",
                "{\"prompt\":\"Hi\"}"), 402, 2021, NO_CREDITS);
        emulator.updateGateway("gw", GatewaySettings.builder().authentication(true).build());
        assertThat(traffic.send("gw", "workers-ai/@cf/meta/llama-3.1-8b-instruct", "{\"prompt\":\"Hi\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void autoTopUpBuysCreditsWhenADrawTakesTheBalanceBelowTheThreshold() {
        emulator.billing().change(BillingChange.builder().balanceCents(600)
                .topupConfig(BillingState.TopupConfig.of(1000, 500)).build());

        assertThat(traffic.chat("gw").statusCode()).isEqualTo(200);
        assertThat(emulator.billing().state().balanceCents()).isEqualByComparingTo("500");
        assertThat(traffic.chat("gw").statusCode()).isEqualTo(200);

        BillingState state = emulator.billing().state();
        assertThat(state.balanceCents()).isEqualByComparingTo("1400");
        assertThat(state.firstTopupSuccess()).isTrue();
        assertThat(state.topupConfig()).isEqualTo(BillingState.TopupConfig.of(1000, 500));
    }

    @Test
    void aFailedAutoTopUpAddsNothingAndDisablesItselfUntilReset() {
        emulator.billing().change(BillingChange.builder().balanceCents(100)
                .paymentMethod(BillingState.PaymentMethod.declined())
                .topupConfig(BillingState.TopupConfig.of(1000, 500)).build());

        assertThat(traffic.chat("gw").statusCode()).isEqualTo(200);

        BillingState state = emulator.billing().state();
        assertThat(state.balanceCents()).isEqualByComparingTo("0");
        assertThat(state.topupConfig()).isEqualTo(new BillingState.TopupConfig(1000, 500, "payment_failed",
                "Payment failed", clock.now()));
        assertGatewayError(traffic.chat("gw"), 402, 2021, NO_CREDITS);

        emulator.billing().change(BillingChange.builder().paymentMethod(BillingState.PaymentMethod.visa())
                .topupConfig(BillingState.TopupConfig.of(1000, 500)).balanceCents(100).build());
        assertThat(traffic.chat("gw").statusCode()).isEqualTo(200);
        assertThat(emulator.billing().state().balanceCents()).isEqualByComparingTo("1000");
    }

    @Test
    void aSeededLegacyAccountLimitRefusesUnifiedBillingWith2041UntilItsWindowEnds() {
        emulator.billing().change(BillingChange.builder()
                .legacySpendingLimit(new BillingState.SpendingLimit(100, "daily", "fixed", true)).build());
        String message = "Spend limit exceeded: account spending limit (100 cents daily)";

        assertThat(traffic.chat("gw").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = traffic.chat("gw");
        assertGatewayError(refused, 429, 2041, message);
        traffic.assertRefusedAndRecorded("gw", refused, 429, 2041, message);
        assertThat(traffic.chat("gw", "authorization", "Bearer sk-own-key").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofHours(14));
        assertThat(traffic.chat("gw").statusCode()).isEqualTo(200);
    }

    @Test
    void unifiedBillingIsLimitedTo200RequestsPerMinutePerGateway() {
        for (int i = 0; i < 200; i++) {
            assertThat(traffic.chat("gw").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = traffic.chat("gw");
        assertGatewayError(refused, 429, 2018, "Wholesale Rate limited");
        traffic.assertRefusedAndRecorded("gw", refused, 429, 2018, "Wholesale Rate limited");

        clock.advance(Duration.ofMinutes(1));
        assertThat(traffic.chat("gw").statusCode()).isEqualTo(200);
    }

    @Test
    void resettingTheAccountMakesItUnmeteredAndUnlimitedAgain() {
        balance(0);
        assertGatewayError(traffic.chat("gw"), 402, 2021, NO_CREDITS);

        BillingState reset = emulator.billing().reset();

        assertThat(reset.metered()).isFalse();
        assertThat(reset.ledger()).isEmpty();
        assertThat(reset.paymentMethod()).isEqualTo(BillingState.PaymentMethod.visa());
        assertThat(traffic.chat("gw").statusCode()).isEqualTo(200);
    }
}
