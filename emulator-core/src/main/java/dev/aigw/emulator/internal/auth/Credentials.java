package dev.aigw.emulator.internal.auth;

import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.GlobalApiKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The tokens and legacy keys an emulator accepts, fixed at build time. */
public final class Credentials {

    private final Map<String, ApiToken> tokensByValue;
    private final Map<String, GlobalApiKey> keysByEmail;

    public Credentials(List<ApiToken> tokens, List<GlobalApiKey> globalKeys) {
        this.tokensByValue = tokens.stream().collect(Collectors.toUnmodifiableMap(ApiToken::value, Function.identity()));
        this.keysByEmail = globalKeys.stream()
                .collect(Collectors.toUnmodifiableMap(k -> k.email().toLowerCase(java.util.Locale.ROOT), Function.identity()));
    }

    /** Finds the token with this value. */
    public Optional<ApiToken> token(String value) {
        return Optional.ofNullable(tokensByValue.get(value));
    }

    /** Finds the global key of this e-mail address, if the key matches. */
    public Optional<GlobalApiKey> globalKey(String email, String key) {
        GlobalApiKey found = keysByEmail.get(email.toLowerCase(java.util.Locale.ROOT));
        return found != null && found.key().equals(key) ? Optional.of(found) : Optional.empty();
    }
}
