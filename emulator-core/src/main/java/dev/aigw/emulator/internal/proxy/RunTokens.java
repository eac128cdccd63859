package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.Permission;
import dev.aigw.emulator.internal.auth.Credentials;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a {@code cf-aig-authorization} value is valid for an account: {@code Bearer} (any
 * case), one space, a known token that covers the account and holds Run (or Edit: management tokens
 * work too, management-api.md Q13).
 */
public final class RunTokens {

    /** The request header that carries a Run token to an authenticated gateway. */
    public static final String HEADER = "cf-aig-authorization";

    private static final Pattern BEARER = Pattern.compile("(?i:bearer) (\\S+)");

    private final Credentials credentials;
    private final Set<String> knownAccounts;

    public RunTokens(Credentials credentials, Set<String> knownAccounts) {
        this.credentials = credentials;
        this.knownAccounts = Set.copyOf(knownAccounts);
    }

    public boolean isValid(String headerValue, String accountId) {
        if (headerValue == null || !knownAccounts.contains(accountId)) {
            return false;
        }
        Matcher m = BEARER.matcher(headerValue);
        if (!m.matches()) {
            return false;
        }
        return credentials.token(m.group(1))
                .filter(t -> t.covers(accountId))
                .filter(t -> t.has(Permission.RUN) || t.has(Permission.EDIT))
                .isPresent();
    }
}
