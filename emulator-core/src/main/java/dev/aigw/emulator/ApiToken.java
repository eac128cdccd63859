package dev.aigw.emulator;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Describes a Cloudflare API token the emulator accepts: its value, the accounts it covers and its
 * permissions.
 *
 * @param value the secret sent as {@code Authorization: Bearer <value>}; letters, digits and {@code -._~+/=}
 * @param accountIds the account ids the token covers, or {@link #ANY_ACCOUNT} alone for every account
 * @param permissions what the token may do; at least one
 */
public record ApiToken(String value, Set<String> accountIds, Set<Permission> permissions) {

    /** Stands for "every account the emulator knows" in {@link #accountIds()}. */
    public static final String ANY_ACCOUNT = "*";

    private static final Pattern TOKEN_FORMAT = Pattern.compile("[A-Za-z0-9._~+/=-]{1,512}");

    /** Validates and copies the components. */
    public ApiToken {
        if (value == null || !TOKEN_FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "token value must be 1 to 512 characters of letters, digits and -._~+/=, got: " + value);
        }
        if (accountIds == null || accountIds.isEmpty()) {
            throw new IllegalArgumentException("a token must cover at least one account id (or ApiToken.ANY_ACCOUNT)");
        }
        if (permissions == null || permissions.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one permission");
        }
        accountIds = Set.copyOf(accountIds);
        permissions = Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** Creates a token for one account with the given permissions. */
    public static ApiToken of(String value, String accountId, Permission... permissions) {
        return new ApiToken(value, Set.of(accountId), Set.copyOf(List.of(permissions)));
    }

    /** Tells whether a string has the shape of a token value (not whether any token has that value). */
    public static boolean isWellFormed(String value) {
        return value != null && TOKEN_FORMAT.matcher(value).matches();
    }

    /** Tells whether this token may act on the given account. */
    public boolean covers(String accountId) {
        return accountIds.contains(ANY_ACCOUNT) || accountIds.contains(accountId);
    }

    /** Tells whether this token holds the given permission. */
    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }
}
