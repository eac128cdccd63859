package dev.aigw.emulator.internal.auth;

import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.GlobalApiKey;
import dev.aigw.emulator.Permission;
import java.util.EnumSet;
import java.util.Set;

/** Who a request acts as once its credentials are verified: accounts covered and permissions held. */
public record Principal(Set<String> accountIds, Set<Permission> permissions) {

    public static Principal of(ApiToken token) {
        return new Principal(token.accountIds(), token.permissions());
    }

    public static Principal of(GlobalApiKey key) {
        return new Principal(key.accountIds(), EnumSet.allOf(Permission.class));
    }

    public boolean covers(String accountId) {
        return accountIds.contains(ApiToken.ANY_ACCOUNT) || accountIds.contains(accountId);
    }

    /**
     * Tells whether the principal may do what {@code required} names; EDIT implies READ, as a Cloudflare
     * token with "AI Gateway Write" may call every read operation.
     */
    public boolean allows(Permission required) {
        return permissions.contains(required) || (required == Permission.READ && permissions.contains(Permission.EDIT));
    }
}
