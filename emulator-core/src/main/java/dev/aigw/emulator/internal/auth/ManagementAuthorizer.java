package dev.aigw.emulator.internal.auth;

import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRoute;
import dev.aigw.emulator.internal.api.Authorizer;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.Set;

/**
 * Checks the authenticated principal against the route: the account must be one the emulator knows
 * and the token covers (else 403/9109), and the token must hold the route's permission (else 403/10000).
 */
public final class ManagementAuthorizer implements Authorizer {

    private final Set<String> knownAccounts;

    public ManagementAuthorizer(Set<String> knownAccounts) {
        this.knownAccounts = Set.copyOf(knownAccounts);
    }

    @Override
    public void authorize(HttpServerExchange exchange, ApiRoute route, Map<String, String> params) {
        Principal principal = exchange.getAttachment(ManagementAuthenticationHandler.PRINCIPAL);
        String account = params.get("account_id");
        if (account != null && (!knownAccounts.contains(account) || !principal.covers(account))) {
            throw ApiException.frontDoor(403, ApiError.of(9109, "Unauthorized to access requested resource"));
        }
        if (route.permission() != null && !principal.allows(route.permission())) {
            throw ApiException.frontDoor(403, ApiError.of(10000, "Authentication error"));
        }
    }
}
