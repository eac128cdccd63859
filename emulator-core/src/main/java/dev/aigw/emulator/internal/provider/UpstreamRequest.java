package dev.aigw.emulator.internal.provider;

import dev.aigw.emulator.internal.reply.RequestTags;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as it reaches an upstream provider, after the gateway rewrote its URL.
 *
 * @param provider the provider slug, e.g. {@code openai}
 * @param method the HTTP method
 * @param path the upstream URL's path, e.g. {@code /v1/chat/completions} for OpenAI or
 *     {@code /client/v4/accounts/{account}/ai/run/@cf/meta/llama-3.1-8b-instruct} for Workers AI
 * @param query the raw query string without {@code ?}, or empty
 * @param headers the forwarded headers, names in lower case
 * @param body the request body bytes (possibly empty)
 * @param now the emulator clock's instant when the attempt starts (for {@code created} fields)
 * @param tags what the gateway knows of the client's request, for reply rules
 */
public record UpstreamRequest(String provider, String method, String path, String query,
                              Map<String, List<String>> headers, byte[] body, Instant now,
                              RequestTags tags) {

    public UpstreamRequest {
        query = query == null ? "" : query;
        headers = Map.copyOf(headers);
        tags = tags == null ? RequestTags.NONE : tags;
    }

    /** A request with no tags (outside a gateway). */
    public UpstreamRequest(String provider, String method, String path, String query,
                           Map<String, List<String>> headers, byte[] body, Instant now) {
        this(provider, method, path, query, headers, body, now, RequestTags.NONE);
    }

    /** Returns the first value of a header (name case-insensitive). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Returns the body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
