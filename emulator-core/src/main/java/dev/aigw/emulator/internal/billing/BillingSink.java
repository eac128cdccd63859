package dev.aigw.emulator.internal.billing;

import dev.aigw.emulator.BillingChange;
import dev.aigw.emulator.BillingState;

/** Where the Java API's billing calls go: the in-process accounts, or a remote emulator's control API. */
public interface BillingSink {

    /** Returns an account's billing state. */
    BillingState state(String accountId);

    /** Applies a change to an account's billing state and returns the new state. */
    BillingState change(String accountId, BillingChange change);

    /** Restores an account's billing state to its initial one (management-api-2.md 6.1). */
    BillingState reset(String accountId);
}
