package dev.aigw.emulator.internal.provider.custom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One custom provider of an account (management-api-2.md 3.1): an upstream every gateway of the account reaches as
 * {@code custom-{slug}}. Immutable; the optional text members are {@code null} when not set.
 *
 * @param headers the {@code headers} member as stored: a JSON object of strings, as a string
 * @param parsedHeaders the same headers, parsed
 */
public record CustomProvider(String id, String name, String slug, String baseUrl, Instant createdAt,
                             Instant modifiedAt, String description, String link, String curlExample,
                             String jsExample, boolean enable, boolean beta, String headers,
                             Map<String, String> parsedHeaders, String logo, Integer position) {

    /** The logo every custom provider shows unless one is set: a fixed SVG, base64 [E]. */
    public static final String DEFAULT_LOGO = java.util.Base64.getEncoder().encodeToString(
            ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\"><circle cx=\"8\" cy=\"8\" r=\"7\"/>"
                    + "</svg>").getBytes(java.nio.charset.StandardCharsets.UTF_8));

    public CustomProvider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(baseUrl, "baseUrl");
        parsedHeaders = parsedHeaders == null ? Map.of() : Map.copyOf(parsedHeaders);
        logo = logo == null ? DEFAULT_LOGO : logo;
    }

    /** Returns the provider's path slug on the data plane, {@code custom-{slug}}. */
    public String pathSlug() {
        return "custom-" + slug;
    }

    /** Renders the object as the API returns it, {@code headers} included (management-api-2.md 3.1). */
    public ObjectNode toJson() {
        ObjectNode json = Json.object()
                .put("id", id)
                .put("name", name)
                .put("slug", slug)
                .put("base_url", baseUrl)
                .put("created_at", Timestamps.format(createdAt))
                .put("modified_at", Timestamps.format(modifiedAt))
                .put("enable", enable)
                .put("beta", beta)
                .put("logo", logo);
        Optional.ofNullable(description).ifPresent(v -> json.put("description", v));
        Optional.ofNullable(link).ifPresent(v -> json.put("link", v));
        Optional.ofNullable(curlExample).ifPresent(v -> json.put("curl_example", v));
        Optional.ofNullable(jsExample).ifPresent(v -> json.put("js_example", v));
        Optional.ofNullable(headers).ifPresent(v -> json.put("headers", v));
        Optional.ofNullable(position).ifPresent(v -> json.put("position", v));
        return json;
    }
}
