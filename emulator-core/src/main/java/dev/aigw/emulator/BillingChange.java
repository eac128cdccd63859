package dev.aigw.emulator;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A change to an account's billing state (management-api-2.md 6.4): only the members set on the builder change.
 * Setting a balance makes the account metered. Built with {@link #builder()}, e.g.
 * {@code BillingChange.builder().balanceCents(500).topupConfig(TopupConfig.of(1000, 500)).build()}.
 */
public final class BillingChange {

    private final Boolean metered;
    private final BigDecimal balanceCents;
    private final boolean setsPaymentMethod;
    private final BillingState.PaymentMethod paymentMethod;
    private final boolean setsTopupConfig;
    private final BillingState.TopupConfig topupConfig;
    private final boolean setsLegacySpendingLimit;
    private final BillingState.SpendingLimit legacySpendingLimit;
    private final Boolean chargeFailedRequests;
    private final Long topupSettleMillis;

    private BillingChange(Builder b) {
        metered = b.metered;
        balanceCents = b.balanceCents;
        setsPaymentMethod = b.setsPaymentMethod;
        paymentMethod = b.paymentMethod;
        setsTopupConfig = b.setsTopupConfig;
        topupConfig = b.topupConfig;
        setsLegacySpendingLimit = b.setsLegacySpendingLimit;
        legacySpendingLimit = b.legacySpendingLimit;
        chargeFailedRequests = b.chargeFailedRequests;
        topupSettleMillis = b.topupSettleMillis;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns the new {@code metered}, if set. */
    public Optional<Boolean> metered() {
        return Optional.ofNullable(metered);
    }

    /** Returns the new balance in cents, if set. */
    public Optional<BigDecimal> balanceCents() {
        return Optional.ofNullable(balanceCents);
    }

    /** Tells whether the card changes; {@link #paymentMethod()} is then the new one, or {@code null} for none. */
    public boolean setsPaymentMethod() {
        return setsPaymentMethod;
    }

    public BillingState.PaymentMethod paymentMethod() {
        return paymentMethod;
    }

    /** Tells whether the auto top-up changes; {@link #topupConfig()} is then the new one, or {@code null}. */
    public boolean setsTopupConfig() {
        return setsTopupConfig;
    }

    public BillingState.TopupConfig topupConfig() {
        return topupConfig;
    }

    /** Tells whether the legacy limit changes; {@link #legacySpendingLimit()} is then the new one, or {@code null}. */
    public boolean setsLegacySpendingLimit() {
        return setsLegacySpendingLimit;
    }

    public BillingState.SpendingLimit legacySpendingLimit() {
        return legacySpendingLimit;
    }

    /** Returns the new {@code charge_failed_requests}, if set. */
    public Optional<Boolean> chargeFailedRequests() {
        return Optional.ofNullable(chargeFailedRequests);
    }

    /** Returns the new {@code topup_settle_ms}, if set. */
    public Optional<Long> topupSettleMillis() {
        return Optional.ofNullable(topupSettleMillis);
    }

    /** Builds a {@link BillingChange}; every member is optional. */
    public static final class Builder {

        private Boolean metered;
        private BigDecimal balanceCents;
        private boolean setsPaymentMethod;
        private BillingState.PaymentMethod paymentMethod;
        private boolean setsTopupConfig;
        private BillingState.TopupConfig topupConfig;
        private boolean setsLegacySpendingLimit;
        private BillingState.SpendingLimit legacySpendingLimit;
        private Boolean chargeFailedRequests;
        private Long topupSettleMillis;

        private Builder() {
        }

        /** Sets whether credits are metered. */
        public Builder metered(boolean metered) {
            this.metered = metered;
            return this;
        }

        /** Sets the balance in cents (it may be negative); the account becomes metered. */
        public Builder balanceCents(BigDecimal cents) {
            this.balanceCents = Objects.requireNonNull(cents, "cents");
            return this;
        }

        /** Sets the balance in whole cents; the account becomes metered. */
        public Builder balanceCents(long cents) {
            return balanceCents(BigDecimal.valueOf(cents));
        }

        /** Sets the card on file, or removes it with {@code null}. */
        public Builder paymentMethod(BillingState.PaymentMethod method) {
            this.setsPaymentMethod = true;
            this.paymentMethod = method;
            return this;
        }

        /** Sets the auto top-up (which also clears a failure it recorded), or removes it with {@code null}. */
        public Builder topupConfig(BillingState.TopupConfig config) {
            this.setsTopupConfig = true;
            this.topupConfig = config;
            return this;
        }

        /** Seeds the legacy account spending limit, or removes it with {@code null}. */
        public Builder legacySpendingLimit(BillingState.SpendingLimit limit) {
            this.setsLegacySpendingLimit = true;
            this.legacySpendingLimit = limit;
            return this;
        }

        /** Sets whether non-2xx answers draw their cost (default false). */
        public Builder chargeFailedRequests(boolean charge) {
            this.chargeFailedRequests = charge;
            return this;
        }

        /** Sets how many virtual milliseconds a top-up stays pending (default 0: it completes at once). */
        public Builder topupSettleMillis(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("topupSettleMillis must be 0 or more, got " + millis);
            }
            this.topupSettleMillis = millis;
            return this;
        }

        public BillingChange build() {
            return new BillingChange(this);
        }
    }
}
