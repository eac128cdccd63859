package dev.aigw.emulator;

import dev.aigw.emulator.internal.billing.BillingSink;
import java.util.Objects;

/**
 * The Unified Billing state of an emulator's accounts (management-api-2.md 6): credits, card, auto top-up, the legacy
 * account spending limit and the ledger of draws, which the management API's billing operations read. Tests set what
 * the API cannot (a balance, a failing card, an auto top-up) here or through {@code /__emulator/billing/{account_id}};
 * it works the same on an in-process emulator and on a {@link RemoteEmulator}. Methods without an account act on the
 * emulator's default account. Thread-safe.
 *
 * <p>For example, to see a request refused with 402/2021 for want of credits:
 * {@code emulator.billing().change(BillingChange.builder().balanceCents(0).build())}.
 */
public final class Billing {

    private final BillingSink sink;
    private final String defaultAccountId;

    Billing(BillingSink sink, String defaultAccountId) {
        this.sink = sink;
        this.defaultAccountId = defaultAccountId;
    }

    /** Returns the default account's billing state. */
    public BillingState state() {
        return state(defaultAccountId);
    }

    /** Returns an account's billing state. */
    public BillingState state(String accountId) {
        return sink.state(Objects.requireNonNull(accountId, "accountId"));
    }

    /** Changes the default account's billing state and returns the new state. */
    public BillingState change(BillingChange change) {
        return change(defaultAccountId, change);
    }

    /** Changes an account's billing state and returns the new state. */
    public BillingState change(String accountId, BillingChange change) {
        return sink.change(Objects.requireNonNull(accountId, "accountId"), Objects.requireNonNull(change, "change"));
    }

    /** Restores the default account's initial billing state (unmetered, no balance, the test card) and returns it. */
    public BillingState reset() {
        return reset(defaultAccountId);
    }

    /** Restores an account's initial billing state and returns it. */
    public BillingState reset(String accountId) {
        return sink.reset(Objects.requireNonNull(accountId, "accountId"));
    }
}
