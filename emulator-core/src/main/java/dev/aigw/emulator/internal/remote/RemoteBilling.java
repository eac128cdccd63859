package dev.aigw.emulator.internal.remote;

import com.fasterxml.jackson.databind.JsonNode;
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
        return call("GET", PATH + HttpTransport.encode(accountId), null);
    }

    @Override
    public BillingState change(String accountId, BillingChange change) {
        return call("PUT", PATH + HttpTransport.encode(accountId), BillingJson.render(change));
    }

    @Override
    public BillingState reset(String accountId) {
        return call("POST", PATH + HttpTransport.encode(accountId) + "/reset", null);
    }

    /** Sends a call; an account the emulator does not have is the in-process API's IllegalArgumentException. */
    private BillingState call(String method, String path, JsonNode body) {
        HttpTransport.Reply reply = http.send(method, path, body, null);
        if (reply.status() == 404 && !reply.errors().isEmpty()) {
            throw new IllegalArgumentException(reply.errors().get(0).message());
        }
        return BillingJson.parse(reply.orThrow());
    }

    @Override
    public String toString() {
        return "RemoteBilling[" + http.baseUrl() + "]";
    }
}
