package dev.aigw.emulator.internal.cache;

import dev.aigw.emulator.internal.gateway.GatewayRef;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names a cache entry within one gateway (proxy.md 5.2). The derived key covers the provider, the HTTP method,
 * the upstream path, the query string and the exact request body bytes (as a SHA-256 digest, so that keys
 * stay small); provider credentials are not part of it, so callers with different provider keys share
 * entries. A client's {@code cf-aig-cache-key} replaces the derived key entirely.
 *
 * @param gateway the gateway the entry belongs to (account and id)
 * @param value the custom key, or the derived digest
 */
public record CacheKey(GatewayRef gateway, String value) {

    /** Returns the key a {@code cf-aig-cache-key} names. */
    public static CacheKey custom(GatewayRef gateway, String customKey) {
        return new CacheKey(gateway, "custom:" + customKey);
    }

    /** Derives the key of a request from what the gateway sends upstream. */
    public static CacheKey derived(GatewayRef gateway, String provider, String method, String path, String query,
                                   byte[] body) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (String part : new String[] {provider, method, path, query}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            sha.update(bytes);
        }
        sha.update(body);
        return new CacheKey(gateway, "derived:" + HexFormat.of().formatHex(sha.digest()));
    }
}
