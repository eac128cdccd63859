package dev.aigw.emulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One account's Unified Billing state (management-api-2.md 6.1): whether credits are metered, the balance in US cents
 * (fractional where a draw was), the card, the auto top-up, the legacy account spending limit, the emulator's two
 * billing settings, and the ledger of Unified Billing draws. While unmetered, Unified Billing is unlimited: nothing is
 * deducted and the balance reads 0, but the ledger still records usage.
 *
 * @param accountId the account
 * @param metered whether draws are deducted and a balance at or below 0 refuses requests (402/2021)
 * @param balanceCents the credit balance in cents (0 while unmetered); may be negative
 * @param paymentMethod the default card, or {@code null}
 * @param topupConfig the auto top-up, or {@code null}
 * @param firstTopupSuccess whether a top-up has completed
 * @param legacySpendingLimit the legacy account spending limit, or {@code null}
 * @param chargeFailedRequests whether non-2xx answers draw their cost too (default false)
 * @param topupSettleMillis virtual milliseconds a top-up stays pending before it completes (default 0: at once)
 * @param ledger the Unified Billing draws, oldest first
 */
public record BillingState(String accountId, boolean metered, BigDecimal balanceCents, PaymentMethod paymentMethod,
                           TopupConfig topupConfig, boolean firstTopupSuccess, SpendingLimit legacySpendingLimit,
                           boolean chargeFailedRequests, long topupSettleMillis, List<Draw> ledger) {

    public BillingState {
        Objects.requireNonNull(balanceCents, "balanceCents");
        ledger = List.copyOf(ledger);
    }

    /**
     * A card on file.
     *
     * @param id the payment method id a top-up may name
     * @param brand the card brand, e.g. {@code visa}
     * @param last4 the card's last four digits
     * @param fails whether every payment with it fails (to test failed top-ups)
     */
    public record PaymentMethod(String id, String brand, String last4, boolean fails) {

        /** The emulator's default test card: {@code pm_card_visa}, visa, 4242, payments succeed. */
        public static PaymentMethod visa() {
            return new PaymentMethod("pm_card_visa", "visa", "4242", false);
        }

        /** A card whose payments are all declined. */
        public static PaymentMethod declined() {
            return new PaymentMethod("pm_card_chargeDeclined", "visa", "0002", true);
        }
    }

    /**
     * The auto top-up: when a draw takes the balance below {@code thresholdCents}, {@code amountCents} is bought.
     *
     * @param amountCents the amount bought, at least 1000
     * @param thresholdCents the balance under which it buys, at least 500
     * @param disabledReason {@code payment_failed} once a payment failed, else {@code null}
     * @param error {@code Payment failed} once a payment failed, else {@code null}
     * @param lastFailedAt when the last payment failed, or {@code null}
     */
    public record TopupConfig(long amountCents, long thresholdCents, String disabledReason, String error,
                              Instant lastFailedAt) {

        /** An enabled auto top-up. */
        public static TopupConfig of(long amountCents, long thresholdCents) {
            return new TopupConfig(amountCents, thresholdCents, null, null, null);
        }
    }

    /**
     * The legacy account spending limit (deprecated: only seeded, never created through the API), which covers
     * Unified Billing across the account's gateways.
     *
     * @param amountCents the budget in cents
     * @param duration {@code daily}, {@code weekly} or {@code monthly}
     * @param strategy {@code fixed} (calendar windows, UTC) or {@code sliding} (the last 1, 7 or 30 days)
     * @param enabled whether it applies
     */
    public record SpendingLimit(long amountCents, String duration, String strategy, boolean enabled) {
    }

    /**
     * One Unified Billing request's draw, written after its last byte.
     *
     * @param at when it completed (virtual clock)
     * @param gatewayId the gateway
     * @param provider the provider
     * @param model the model
     * @param cents the cost in cents (cost in USD times 100)
     */
    public record Draw(Instant at, String gatewayId, String provider, String model, BigDecimal cents) {
    }
}
