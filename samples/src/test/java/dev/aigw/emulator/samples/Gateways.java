package dev.aigw.emulator.samples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates gateways through the emulator's Cloudflare management API, as a setup step of the samples. */
public final class Gateways {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Gateways() {
    }

    /** Creates a gateway with caching, rate limiting and authentication off. */
    public static void create(AiGatewayEmulator emulator, String id) {
        create(emulator, id, Map.of());
    }

    /** Creates a gateway whose settings are the defaults overridden by {@code settings}, e.g. {@code cache_ttl}. */
    public static void create(AiGatewayEmulator emulator, String id, Map<String, Object> settings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("cache_invalidate_on_update", false);
        body.put("cache_ttl", 0);
        body.put("collect_logs", true);
        body.put("rate_limiting_interval", 0);
        body.put("rate_limiting_limit", 0);
        body.putAll(settings);
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.managementUrl() + "/accounts/"
                        + emulator.accountId() + "/ai-gateway/gateways"))
                .header("Authorization", "Bearer " + emulator.apiToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new AssertionError("could not create gateway " + id + ": " + response.body());
        }
    }

    /** Reads a gateway through the management API, answering the whole response. */
    public static HttpResponse<String> get(AiGatewayEmulator emulator, String id) {
        return send(HttpRequest.newBuilder(URI.create(emulator.managementUrl() + "/accounts/" + emulator.accountId()
                        + "/ai-gateway/gateways/" + id))
                .header("Authorization", "Bearer " + emulator.apiToken())
                .GET().build());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
