package dev.aigw.emulator.internal.remote;

import dev.aigw.emulator.BillingChange;
import dev.aigw.emulator.BillingState;
import dev.aigw.emulator.internal.billing.BillingSink;
import dev.aigw.emulator.internal.wire.BillingJson;

/**
 * Reads, changes and resets the billing state of an emulator running elsewhere through
 * {@code /__emulator/billing/{account_id}}: the state and the change travel as {@link BillingJson} writes them.
 * Thread-safe.
 */
public final class RemoteBilling implements BillingSink {

    private static final String PATH = "/__emulator/billing/";

    private final HttpTransport http;

    /** Drives the billing of the emulator behind {@code http}. */
    public RemoteBilling(HttpTransport http) {
        this.http = http;
    }

    @Override
    public BillingState state(String accountId) {
        return BillingJson.parse(http.send("GET", PATH + HttpTransport.encode(accountId), null, null).orThrow());
    }

    @Override
    public BillingState change(String accountId, BillingChange change) {
        return BillingJson.parse(http.send("PUT", PATH + HttpTransport.encode(accountId), BillingJson.render(change),
                null).orThrow());
    }

    @Override
    public BillingState reset(String accountId) {
        return BillingJson.parse(http.send("POST", PATH + HttpTransport.encode(accountId) + "/reset", null, null)
                .orThrow());
    }

    @Override
    public String toString() {
        return "RemoteBilling[" + http.baseUrl() + "]";
    }
}
