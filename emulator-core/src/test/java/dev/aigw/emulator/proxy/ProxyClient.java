package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends data-plane requests to an emulator and reads gateway error bodies. */
public final class ProxyClient {

    static final ObjectMapper JSON = new ObjectMapper();
    public static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello there\"}]}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AiGatewayEmulator emulator;

    public ProxyClient(AiGatewayEmulator emulator) {
        this.emulator = emulator;
    }

    /** POSTs a JSON body to a path below the emulator's base URL, with header name/value pairs. */
    public HttpResponse<String> post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    /**
     * POSTs a JSON body to a provider endpoint of a gateway of the default account, authenticated to the gateway with
     * the emulator's token, with more header name/value pairs.
     */
    public HttpResponse<String> postToGateway(String gateway, String rest, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "cf-aig-authorization";
        all[1] = "Bearer " + emulator.apiToken();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post(path(gateway, rest), body, all);
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("content-type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The path of a provider endpoint on a gateway of the default account. */
    public String path(String gateway, String rest) {
        return "/v1/" + emulator.accountId() + "/" + gateway + "/" + rest;
    }

    public static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts the exact AiGatewayError body and status of a gateway error. */
    public static void assertGatewayError(HttpResponse<String> response, int status, int code, String message) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().firstValue("cf-aig-request-id")).isPresent();
        JsonNode body = json(response);
        assertThat(body.get("success").booleanValue()).isFalse();
        assertThat(body.get("result").isArray()).isTrue();
        assertThat(body.get("result")).isEmpty();
        assertThat(body.get("messages")).isEmpty();
        assertThat(body.get("error").get(0).get("code").intValue()).isEqualTo(code);
        assertThat(body.get("error").get(0).get("message").textValue()).isEqualTo(message);
        assertThat(body.get("name").textValue()).isEqualTo("AiGatewayError");
        assertThat(body.get("httpCode").intValue()).isEqualTo(status);
        assertThat(body.get("internalCode").intValue()).isEqualTo(code);
        assertThat(body.get("message").textValue()).isEqualTo(message);
    }
}
