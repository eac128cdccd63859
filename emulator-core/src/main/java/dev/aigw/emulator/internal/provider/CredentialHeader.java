package dev.aigw.emulator.internal.provider;

import java.util.Objects;

/**
 * The header that carries a provider's credential, and how the key is written into it.
 *
 * @param name the header name, in lower case, e.g. {@code x-api-key}
 * @param scheme what precedes the key in the value, e.g. {@code "Bearer "} (empty for the bare key)
 */
public record CredentialHeader(String name, String scheme) {

    /** {@code authorization: Bearer {key}}, what most providers and every OpenAI-compatible API take. */
    public static final CredentialHeader BEARER = new CredentialHeader("authorization", "Bearer ");

    public CredentialHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scheme, "scheme");
    }

    /** Returns a header that carries the bare key, e.g. {@code x-api-key: {key}}. */
    public static CredentialHeader named(String name) {
        return new CredentialHeader(name, "");
    }

    /** Returns the header's value for a key. */
    public String value(String key) {
        return scheme + key;
    }
}
