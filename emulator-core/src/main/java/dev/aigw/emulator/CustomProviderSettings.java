package dev.aigw.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Describes a custom provider of an account (management-api-2.md 3.1): the upstream every gateway of the account
 * reaches as {@code custom-{slug}}. Validation is the management API's: {@link Emulator#createCustomProvider}
 * refuses what {@code POST /custom-providers} refuses, with the same codes (400/1002, 409/1003).
 *
 * <pre>{@code
 * emulator.createCustomProvider(CustomProviderSettings.builder("Acme", "acme", "https://api.acme.example/v1")
 *         .enable(true).headers(Map.of("x-acme-key", "k-1")).build());
 * }</pre>
 *
 * @param name the display name
 * @param slug the path slug after {@code custom-}, unique in the account
 * @param baseUrl the provider's HTTPS base URL; {@code custom-{slug}/{rest}} goes to {@code {baseUrl}/{rest}}
 * @param enable whether the data plane routes to it (default {@code false}: requests to it are 400/2008)
 * @param beta the beta label (default {@code false})
 * @param headers headers the gateway adds to every request to it, where the client sent none of that name
 * @param description free text, or {@code null}
 * @param link free text, or {@code null}
 * @param curlExample free text, or {@code null}
 * @param jsExample free text, or {@code null}
 * @param position the list position, or {@code null} (listed after those with one)
 */
public record CustomProviderSettings(String name, String slug, String baseUrl, boolean enable, boolean beta,
                                     Map<String, String> headers, String description, String link,
                                     String curlExample, String jsExample, Integer position) {

    /** Checks the required members and copies the headers. */
    public CustomProviderSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(baseUrl, "baseUrl");
        headers = Map.copyOf(headers == null ? Map.of() : headers);
    }

    /** Starts settings with the three required members; the rest take their defaults. */
    public static Builder builder(String name, String slug, String baseUrl) {
        return new Builder(name, slug, baseUrl);
    }

    /** Returns a builder holding these settings, to change some. */
    public Builder newBuilder() {
        Builder b = new Builder(name, slug, baseUrl).enable(enable).beta(beta).headers(headers)
                .description(description).link(link).curlExample(curlExample).jsExample(jsExample);
        b.position = position;
        return b;
    }

    /** Renders the settings as a create or patch body. */
    ObjectNode toJson() {
        ObjectNode body = Json.object().put("name", name).put("slug", slug).put("base_url", baseUrl)
                .put("enable", enable).put("beta", beta);
        if (!headers.isEmpty()) {
            ObjectNode h = Json.object();
            headers.forEach(h::put);
            body.put("headers", Json.text(h));
        }
        putIfSet(body, "description", description);
        putIfSet(body, "link", link);
        putIfSet(body, "curl_example", curlExample);
        putIfSet(body, "js_example", jsExample);
        if (position != null) {
            body.put("position", position);
        }
        return body;
    }

    /** Reads the settings of an object as the management API answers it. */
    static CustomProviderSettings fromJson(JsonNode json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (json.hasNonNull("headers")) {
            try {
                Json.parse(json.get("headers").textValue()).properties()
                        .forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the emulator answered headers that are not JSON: "
                        + json.get("headers").textValue(), e);
            }
        }
        return new CustomProviderSettings(json.get("name").textValue(), json.get("slug").textValue(),
                json.get("base_url").textValue(), json.path("enable").asBoolean(false),
                json.path("beta").asBoolean(false), headers, text(json, "description"), text(json, "link"),
                text(json, "curl_example"), text(json, "js_example"),
                json.hasNonNull("position") ? json.get("position").intValue() : null);
    }

    private static String text(JsonNode json, String name) {
        return json.hasNonNull(name) ? json.get(name).textValue() : null;
    }

    private static void putIfSet(ObjectNode body, String name, String value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    /** Builds {@link CustomProviderSettings}; methods without prefix, as on the record. */
    public static final class Builder {

        private final String name;
        private final String slug;
        private final String baseUrl;
        private boolean enable;
        private boolean beta;
        private Map<String, String> headers = Map.of();
        private String description;
        private String link;
        private String curlExample;
        private String jsExample;
        private Integer position;

        private Builder(String name, String slug, String baseUrl) {
            this.name = name;
            this.slug = slug;
            this.baseUrl = baseUrl;
        }

        /** Sets whether the data plane routes to the provider. */
        public Builder enable(boolean enable) {
            this.enable = enable;
            return this;
        }

        /** Sets the beta label. */
        public Builder beta(boolean beta) {
            this.beta = beta;
            return this;
        }

        /** Sets the headers the gateway adds to every request to the provider. */
        public Builder headers(Map<String, String> headers) {
            this.headers = Map.copyOf(headers);
            return this;
        }

        /** Sets the description, or {@code null} for none. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets the link, or {@code null} for none. */
        public Builder link(String link) {
            this.link = link;
            return this;
        }

        /** Sets the curl example, or {@code null} for none. */
        public Builder curlExample(String curlExample) {
            this.curlExample = curlExample;
            return this;
        }

        /** Sets the JavaScript example, or {@code null} for none. */
        public Builder jsExample(String jsExample) {
            this.jsExample = jsExample;
            return this;
        }

        /** Sets the list position. */
        public Builder position(int position) {
            this.position = position;
            return this;
        }

        /** Returns the settings. */
        public CustomProviderSettings build() {
            return new CustomProviderSettings(name, slug, baseUrl, enable, beta, headers, description, link,
                    curlExample, jsExample, position);
        }
    }
}
