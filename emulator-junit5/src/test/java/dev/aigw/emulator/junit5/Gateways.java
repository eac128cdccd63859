package dev.aigw.emulator.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** The few HTTP calls these tests make: create and list gateways, and chat through one. */
final class Gateways {

    static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Gateways() {
    }

    /** Creates a gateway with caching, rate limiting and authentication off. */
    static void create(AiGatewayEmulator emulator, String id) {
        String body = "{\"id\":\"" + id + "\",\"cache_invalidate_on_update\":false,\"cache_ttl\":0,"
                + "\"collect_logs\":true,\"rate_limiting_interval\":0,\"rate_limiting_limit\":0}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewaysUrl(emulator)))
                .header("authorization", "Bearer " + emulator.apiToken())
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("could not create gateway " + id + ": " + response.body());
        }
    }

    /** Lists the ids of the gateways of the emulator's default account. */
    static List<String> ids(AiGatewayEmulator emulator) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewaysUrl(emulator)))
                .header("authorization", "Bearer " + emulator.apiToken()).GET().build());
        List<String> ids = new ArrayList<>();
        try {
            for (JsonNode gateway : JSON.readTree(response.body()).get("result")) {
                ids.add(gateway.get("id").textValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /** Sends an OpenAI chat request through a gateway, with extra headers as name-value pairs. */
    static HttpResponse<String> chat(AiGatewayEmulator emulator, String gateway, String... headers) {
        return post(emulator.providerUrl(gateway, "openai") + "/chat/completions", CHAT, headers);
    }

    /** Posts a JSON body, with extra headers as name-value pairs. */
    static HttpResponse<String> post(String url, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json")
                .header("authorization", "Bearer sk-test")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private static String gatewaysUrl(AiGatewayEmulator emulator) {
        return emulator.managementUrl() + "/accounts/" + emulator.accountId() + "/ai-gateway/gateways";
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
