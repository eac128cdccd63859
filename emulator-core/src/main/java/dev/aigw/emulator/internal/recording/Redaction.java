package dev.aigw.emulator.internal.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aigw.emulator.RecordingSettings;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps secrets out of recording files: every credential header the provider registry knows and the generic ones
 * (AWS signatures, cookies, the gateway's own token), credential query parameters, and the headers and body members
 * the user names are written as {@code [REDACTED]}; any value redacted from a request is also replaced wherever else
 * it appears in the file (an upstream that echoes a key). Headers that only add noise to a diff are not kept.
 */
public final class Redaction {

    /** What a redacted value is written as. */
    public static final String REDACTED = "[REDACTED]";

    private static final Set<String> GENERIC_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "cf-aig-authorization", "x-api-key", "api-key", "x-goog-api-key", "xi-api-key",
            "salad-api-key", "x-amz-security-token", "x-amz-content-sha256", "x-amz-date", "x-auth-key",
            "openai-organization", "openai-project");
    private static final Set<String> QUERY_SECRETS = Set.of("key", "api_key", "api-key", "apikey", "access_token",
            "token", "x-amz-signature", "x-amz-credential", "x-amz-security-token", "sig", "signature");
    private static final Set<String> NOT_KEPT = Set.of("host", "content-length", "connection", "keep-alive",
            "transfer-encoding", "upgrade", "accept-encoding", "user-agent", "date", "te", "expect");
    private static final int SHORTEST_SECRET = 6;

    private final Set<String> headers;
    private final Set<String> fields;

    Redaction(Set<String> headers, Set<String> fields) {
        this.headers = Set.copyOf(headers);
        this.fields = Set.copyOf(fields);
    }

    /** Returns the redaction of these settings, with the credential header of every provider the registry knows. */
    public static Redaction of(ProviderRegistry providers, RecordingSettings settings) {
        Set<String> names = new LinkedHashSet<>(GENERIC_HEADERS);
        for (String slug : providers.slugs()) {
            providers.find(slug).ifPresent(p -> names.add(p.upstream().credential().name()));
        }
        names.addAll(settings.redactedHeaders());
        return new Redaction(names, settings.redactedFields());
    }

    /** Tells whether a header is written as {@code [REDACTED]}. */
    boolean isSecretHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return headers.contains(lower) || lower.startsWith("x-amz-") && lower.contains("sign");
    }

    /** Returns the headers worth keeping, one value each, secrets redacted and their values added to {@code secrets}. */
    Map<String, String> headers(Map<String, String> given, Set<String> secrets) {
        Map<String, String> out = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NOT_KEPT.contains(lower) || lower.startsWith("x-stainless-")) {
                return;
            }
            if (isSecretHeader(lower)) {
                secrets.addAll(secretParts(value));
                out.put(lower, REDACTED);
            } else {
                out.put(lower, value);
            }
        });
        return out;
    }

    /** Returns the query with credential parameters' values redacted, and their values added to {@code secrets}. */
    String query(String query, Set<String> secrets) {
        if (query.isEmpty()) {
            return query;
        }
        List<String> parts = new ArrayList<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (equals >= 0 && QUERY_SECRETS.contains(name.toLowerCase(Locale.ROOT))) {
                secrets.add(pair.substring(equals + 1));
                parts.add(name + "=" + REDACTED);
            } else {
                parts.add(pair);
            }
        }
        return String.join("&", parts);
    }

    /** Returns a copy of a JSON body with the named members redacted, their text values added to {@code secrets}. */
    JsonNode body(JsonNode body, Set<String> secrets) {
        if (body == null || fields.isEmpty()) {
            return body;
        }
        JsonNode copy = body.deepCopy();
        redact(copy, "", secrets);
        return copy;
    }

    /** Replaces every secret value seen anywhere in a file's text. */
    static String scrub(String text, Set<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (secret.length() >= SHORTEST_SECRET && !secret.equals(REDACTED)) {
                out = out.replace(secret, REDACTED);
            }
        }
        return out;
    }

    private void redact(JsonNode node, String path, Set<String> secrets) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : new ArrayList<>(object.properties())) {
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (fields.contains(e.getKey()) || fields.contains(child)) {
                    if (e.getValue().isTextual()) {
                        secrets.add(e.getValue().textValue());
                    }
                    object.set(e.getKey(), TextNode.valueOf(REDACTED));
                } else {
                    redact(e.getValue(), child, secrets);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> redact(item, path, secrets));
        }
    }

    private static List<String> secretParts(String value) {
        List<String> parts = new ArrayList<>(List.of(value));
        int space = value.indexOf(' ');
        if (space > 0) {
            parts.add(value.substring(space + 1).trim());
        }
        return parts;
    }
}
