package dev.aigw.emulator;

import java.util.Set;

/**
 * Describes a legacy Global API Key: the {@code X-Auth-Email} and {@code X-Auth-Key} pair, which holds
 * every permission on its accounts.
 *
 * @param email the value of {@code X-Auth-Email}
 * @param key the value of {@code X-Auth-Key}
 * @param accountIds the accounts of that user, or {@link ApiToken#ANY_ACCOUNT} alone for all of them
 */
public record GlobalApiKey(String email, String key, Set<String> accountIds) {

    /** Validates and copies the components. */
    public GlobalApiKey {
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("email must be an e-mail address, got: " + email);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
        if (accountIds == null || accountIds.isEmpty()) {
            throw new IllegalArgumentException("a global API key must cover at least one account id");
        }
        accountIds = Set.copyOf(accountIds);
    }

    /** Tells whether this key may act on the given account. */
    public boolean covers(String accountId) {
        return accountIds.contains(ApiToken.ANY_ACCOUNT) || accountIds.contains(accountId);
    }
}
