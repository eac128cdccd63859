package dev.aigw.emulator.internal.billing;

import dev.aigw.emulator.BillingChange;
import dev.aigw.emulator.BillingState;
import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One account's credits, card, top-ups, invoices and ledger (management-api-2.md 6.1), all in cents. A pending top-up
 * completes when the clock has passed its settle time, checked whenever the account is read or changed. Thread-safe:
 * every method holds the account's lock, so a draw and a read never see half of each other.
 */
final class BillingAccount {

    /** The fee on credit purchases: 5 %, as a preview build of the docs states (management-api-2.md 6.2 B5). */
    private static final BigDecimal PURCHASE_FEE = new BigDecimal("1.05");

    private final String accountId;
    private final Supplier<String> invoiceIds;
    private boolean metered;
    private BigDecimal balanceCents = BigDecimal.ZERO;
    private BillingState.PaymentMethod paymentMethod = BillingState.PaymentMethod.visa();
    private BillingState.TopupConfig topupConfig;
    private boolean firstTopupSuccess;
    private BillingState.SpendingLimit legacySpendingLimit;
    private boolean chargeFailedRequests;
    private long topupSettleMillis;
    private final List<Invoice> invoices = new ArrayList<>();
    private final Map<String, Topup> topups = new LinkedHashMap<>();
    private final List<BillingState.Draw> ledger = new ArrayList<>();

    BillingAccount(String accountId, Supplier<String> invoiceIds) {
        this.accountId = accountId;
        this.invoiceIds = invoiceIds;
    }

    synchronized BillingState state(Instant now) {
        settle(now);
        return new BillingState(accountId, metered, metered ? balanceCents : BigDecimal.ZERO, paymentMethod,
                topupConfig, firstTopupSuccess, legacySpendingLimit, chargeFailedRequests, topupSettleMillis, ledger);
    }

    synchronized void apply(BillingChange change, Instant now) {
        settle(now);
        change.metered().ifPresent(m -> metered = m);
        change.balanceCents().ifPresent(b -> {
            balanceCents = b;
            metered = true;
        });
        if (change.setsPaymentMethod()) {
            paymentMethod = change.paymentMethod();
        }
        if (change.setsTopupConfig()) {
            topupConfig = change.topupConfig();
        }
        if (change.setsLegacySpendingLimit()) {
            legacySpendingLimit = change.legacySpendingLimit();
        }
        change.chargeFailedRequests().ifPresent(c -> chargeFailedRequests = c);
        change.topupSettleMillis().ifPresent(s -> topupSettleMillis = s);
    }

    /**
     * B5: charges the card for {@code amountCents} of credits; 400/7001 "Payment failed" without a card, with another
     * card's id, or with a card that fails. Returns the top-up, completed at once unless a settle time is set.
     */
    synchronized Topup topUp(long amountCents, Optional<String> paymentMethodId, Instant now) {
        settle(now);
        if (paymentMethod == null || paymentMethod.fails()
                || paymentMethodId.isPresent() && !paymentMethodId.get().equals(paymentMethod.id())) {
            throw ApiException.service(400, ApiError.of(7001, "Payment failed"));
        }
        Invoice invoice = invoice(amountCents, "manual", now);
        Topup topup = new Topup(invoice, now.plus(Duration.ofMillis(topupSettleMillis)), false);
        topups.put(invoice.id(), topup);
        settle(now);
        return topups.get(invoice.id());
    }

    /** Tells whether a top-up had completed before the one being made (B5's {@code onboarding}). */
    synchronized boolean onboarded() {
        return firstTopupSuccess;
    }

    /** B6: the top-up with this id, if the account made it. */
    synchronized Optional<Topup> topup(String paymentIntentId, Instant now) {
        settle(now);
        return Optional.ofNullable(topups.get(paymentIntentId));
    }

    synchronized List<Invoice> invoices(Instant now) {
        settle(now);
        return List.copyOf(invoices);
    }

    synchronized BillingState.TopupConfig topupConfig() {
        return topupConfig;
    }

    synchronized BillingState.SpendingLimit legacySpendingLimit() {
        return legacySpendingLimit;
    }

    synchronized void removeLegacySpendingLimit() {
        legacySpendingLimit = null;
    }

    synchronized List<BillingState.Draw> ledger() {
        return List.copyOf(ledger);
    }

    synchronized boolean chargesFailedRequests() {
        return chargeFailedRequests;
    }

    /** Tells whether a Unified Billing request is refused for want of credits: metered, balance at or below 0. */
    synchronized boolean outOfCredits(Instant now) {
        settle(now);
        return metered && balanceCents.signum() <= 0;
    }

    /**
     * Writes a completed request's draw to the ledger and, when metered, deducts it (the balance may go below 0:
     * nothing was reserved); then runs the auto top-up if the balance fell below its threshold.
     */
    synchronized void draw(BillingState.Draw draw, Instant now) {
        settle(now);
        ledger.add(draw);
        if (!metered) {
            return;
        }
        balanceCents = balanceCents.subtract(draw.cents());
        BillingState.TopupConfig auto = topupConfig;
        if (auto == null || auto.disabledReason() != null
                || balanceCents.compareTo(BigDecimal.valueOf(auto.thresholdCents())) >= 0) {
            return;
        }
        if (paymentMethod == null || paymentMethod.fails()) {
            topupConfig = new BillingState.TopupConfig(auto.amountCents(), auto.thresholdCents(), "payment_failed",
                    "Payment failed", now);
            return;
        }
        credit(invoice(auto.amountCents(), "auto", now));
    }

    private Invoice invoice(long amountCents, String origin, Instant now) {
        long paid = BigDecimal.valueOf(amountCents).multiply(PURCHASE_FEE).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        Invoice invoice = new Invoice("in_" + invoiceIds.get(), amountCents, paid, now, origin);
        invoices.add(invoice);
        return invoice;
    }

    private void credit(Invoice invoice) {
        balanceCents = balanceCents.add(BigDecimal.valueOf(invoice.amountCents()));
        metered = true;
        firstTopupSuccess = true;
    }

    private void settle(Instant now) {
        topups.replaceAll((id, t) -> {
            if (t.completed() || t.settlesAt().isAfter(now)) {
                return t;
            }
            credit(t.invoice());
            return new Topup(t.invoice(), t.settlesAt(), true);
        });
    }
}
