package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.internal.auth.Credentials;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.util.Optional;
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

    /** Tells whether a {@code cf-aig-authorization} value (or {@code null}) is valid for the account. */
    public boolean isValid(String headerValue, String accountId) {
        return check(headerValue, accountId) == Verdict.VALID;
    }

    /** Judges a {@code cf-aig-authorization} value (or {@code null}) for the account, saying why it fails. */
    public Verdict check(String headerValue, String accountId) {
        if (headerValue == null) {
            return Verdict.MISSING;
        }
        Matcher m = BEARER.matcher(headerValue);
        if (!m.matches()) {
            return Verdict.MALFORMED;
        }
        Optional<ApiToken> token = credentials.token(m.group(1));
        if (token.isEmpty()) {
            return Verdict.UNKNOWN_TOKEN;
        }
        if (!knownAccounts.contains(accountId) || !token.get().covers(accountId)) {
            return Verdict.OTHER_ACCOUNT;
        }
        return token.get().has(Permission.RUN) || token.get().has(Permission.EDIT) ? Verdict.VALID
                : Verdict.NO_RUN_PERMISSION;
    }

    /**
     * Tells whether a request without {@code cf-aig-authorization} carries a valid token in {@code Authorization}
     * instead, the header that belongs to the provider (proxy.md 2.1): a common mistake worth a hint.
     */
    public boolean misplacedInAuthorization(HttpServerExchange exchange, String accountId) {
        HeaderMap headers = exchange.getRequestHeaders();
        return headers.getFirst(HEADER) == null && isValid(headers.getFirst(Headers.AUTHORIZATION), accountId);
    }

    /** What a {@code cf-aig-authorization} value is worth; each failure says what is wrong with the request. */
    public enum Verdict {
        VALID(""),
        MISSING("this request has no cf-aig-authorization header"),
        MALFORMED("this request's cf-aig-authorization is not \"Bearer <token>\""),
        UNKNOWN_TOKEN("this request's cf-aig-authorization carries a token this emulator does not know"
                + " (AiGatewayEmulator.apiToken() and the standalone emulator's start-up line show one it knows)"),
        OTHER_ACCOUNT("this request's token does not cover this account"),
        NO_RUN_PERMISSION("this request's token has neither AI Gateway - Run nor AI Gateway - Edit");

        private final String problem;

        Verdict(String problem) {
            this.problem = problem;
        }

        /** Says what is wrong with the request, for a hint; empty for {@link #VALID}. */
        public String problem() {
            return problem;
        }
    }
}
