package dev.aigw.emulator.internal.control;

import dev.aigw.emulator.BillingState;
import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.RouteTable;
import dev.aigw.emulator.internal.billing.BillingAccounts;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.wire.BillingJson;

/**
 * The control API's billing routes (management-api-2.md 6.4): read an account's billing state, change any part of it
 * (setting a balance makes the account metered), or reset it. An account the emulator does not have is 404/7002,
 * whose message is the one the Java API's {@link IllegalArgumentException} carries.
 */
public final class BillingControl {

    private final BillingAccounts billing;

    private BillingControl(BillingAccounts billing) {
        this.billing = billing;
    }

    /** Returns the routes, one line each. */
    public static RouteTable table(BillingAccounts billing) {
        BillingControl control = new BillingControl(billing);
        return new RouteTable()
                .add("GET", "/billing/{account_id}", null, control::read)
                .add("PUT", "/billing/{account_id}", null, control::change)
                .add("POST", "/billing/{account_id}/reset", null, control::reset);
    }

    private ApiResponse read(ApiRequest request) {
        return json(billing.state(account(request)));
    }

    private ApiResponse change(ApiRequest request) {
        String account = account(request);
        return json(billing.change(account, BillingJson.parseChange(request.jsonObjectBody())));
    }

    private ApiResponse reset(ApiRequest request) {
        return json(billing.reset(account(request)));
    }

    /** Returns the request's account; one the emulator does not have is 404/7002 with the Java API's message. */
    private String account(ApiRequest request) {
        String account = request.accountId();
        try {
            billing.requireAccount(account);
        } catch (IllegalArgumentException e) {
            throw ApiException.service(404, ApiError.of(7002, e.getMessage())).because(e);
        }
        return account;
    }

    private static ApiResponse json(BillingState state) {
        return new ApiResponse.Raw(200, "application/json", Json.bytes(BillingJson.render(state)));
    }
}
