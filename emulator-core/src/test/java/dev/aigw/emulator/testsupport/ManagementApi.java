package dev.aigw.emulator.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calls an emulator's management API over real HTTP, as one set of credentials on one account. Every
 * answer is checked against the OpenAPI contract ({@link OpenApiContract}) before the test sees it, so
 * no test can forget that check.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return changed copies.
 */
public final class ManagementApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient SHARED_CLIENT = newHttpClient();

    private final HttpClient http;
    private final String baseUrl;
    private final String accountId;
    private final Map<String, String> credentials;

    private ManagementApi(HttpClient http, String baseUrl, String accountId, Map<String, String> credentials) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.accountId = accountId;
        this.credentials = Map.copyOf(credentials);
    }

    /** Returns a client of the emulator's default account with its default token. */
    public static ManagementApi of(AiGatewayEmulator emulator) {
        return new ManagementApi(SHARED_CLIENT, emulator.baseUrl(), emulator.accountId(),
                Map.of("Authorization", "Bearer " + emulator.apiToken()));
    }

    /** Creates an HTTP/1.1 client like the one every {@link ManagementApi} shares. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Returns a copy that authenticates with {@code Authorization: Bearer <token>}. */
    public ManagementApi withToken(String token) {
        return withCredentialHeaders("Authorization", "Bearer " + token);
    }

    /** Returns a copy that sends exactly these credential headers (name, value, name, value, ...). */
    public ManagementApi withCredentialHeaders(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new ManagementApi(http, baseUrl, accountId, headers);
    }

    /** Returns a copy that sends no credentials at all. */
    public ManagementApi withoutCredentials() {
        return new ManagementApi(http, baseUrl, accountId, Map.of());
    }

    /** Returns a copy that calls another account's paths. */
    public ManagementApi forAccount(String otherAccountId) {
        return new ManagementApi(http, baseUrl, otherAccountId, credentials);
    }

    /** Returns a copy that sends its requests through another HTTP client. */
    public ManagementApi over(HttpClient client) {
        return new ManagementApi(client, baseUrl, accountId, credentials);
    }

    /** Sends {@code GET} to a path under {@code /client/v4/accounts/{account}/ai-gateway}, e.g. {@code /gateways}. */
    public ApiReply get(String path) {
        return send("GET", path, BodyPublishers.noBody());
    }

    /** Sends {@code POST} with a JSON body to a path under the account's {@code /ai-gateway}. */
    public ApiReply post(String path, String json) {
        return send("POST", path, BodyPublishers.ofString(json));
    }

    /** Sends {@code PUT} with a JSON body to a path under the account's {@code /ai-gateway}. */
    public ApiReply put(String path, String json) {
        return send("PUT", path, BodyPublishers.ofString(json));
    }

    /** Sends {@code DELETE} to a path under the account's {@code /ai-gateway}. */
    public ApiReply delete(String path) {
        return send("DELETE", path, BodyPublishers.noBody());
    }

    /** Sends any method and body to a path under the account's {@code /ai-gateway}. */
    public ApiReply send(String method, String path, BodyPublisher body) {
        return sendRaw(method, "/client/v4/accounts/" + accountId + "/ai-gateway" + path, body);
    }

    /** Sends any method and body to a path taken as is from the emulator's root, e.g. {@code /client/v4/x}. */
    public ApiReply sendRaw(String method, String rawPath, BodyPublisher body) {
        return exchange(method, rawPath, body, true);
    }

    /**
     * Sends a request whose success answer the SDK reads whole, without the v4 envelope (the dynamic-routing
     * list and rename operations, management-api.md 4.6): checks only the operation's schema, if the OpenAPI
     * extract has it.
     */
    public ApiReply sendWithoutEnvelope(String method, String path, String json) {
        BodyPublisher body = json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json);
        return exchange(method, "/client/v4/accounts/" + accountId + "/ai-gateway" + path, body, false);
    }

    private ApiReply exchange(String method, String rawPath, BodyPublisher body, boolean enveloped) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + rawPath))
                .timeout(Duration.ofSeconds(10))
                .method(method, body);
        if (body.contentLength() != 0) {
            request.header("Content-Type", "application/json");
        }
        credentials.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + rawPath + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + rawPath, e);
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/json")) {
            throw new AssertionError(method + " " + rawPath + " answered " + response.statusCode()
                    + " with Content-Type '" + contentType + "', not JSON: " + response.body());
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError(method + " " + rawPath + " answered malformed JSON: " + response.body(), e);
        }
        if (enveloped || !json.path("success").asBoolean(false)) {
            OpenApiContract.official().check(method, rawPath, response.statusCode(), json);
        } else {
            OpenApiContract.official().checkWithoutEnvelope(method, rawPath, response.statusCode(), json);
        }
        return new ApiReply(method, rawPath, response.statusCode(), response.headers(), json);
    }

    /**
     * Sends {@code GET} for a body served without envelope (a stored log body, management-api.md L5/L6) and
     * returns the raw answer; a 200 JSON body is checked against the operation's schema.
     */
    public HttpResponse<byte[]> getRaw(String path) {
        String rawPath = "/client/v4/accounts/" + accountId + "/ai-gateway" + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + rawPath))
                .timeout(Duration.ofSeconds(10)).GET();
        credentials.forEach(request::header);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + rawPath + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + rawPath, e);
        }
        if (response.statusCode() == 200
                && response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            try {
                OpenApiContract.official().checkWithoutEnvelope("GET", rawPath, 200, MAPPER.readTree(response.body()));
            } catch (IOException e) {
                throw new AssertionError("GET " + rawPath + " answered malformed JSON", e);
            }
        }
        return response;
    }

    /** Creates a gateway, requiring success, and returns the stored gateway. */
    public JsonNode createGateway(String json) {
        return ApiAssertions.assertOk(post("/gateways", json));
    }

    /** Reads a gateway, requiring success. */
    public JsonNode fetchGateway(String id) {
        return ApiAssertions.assertOk(get("/gateways/" + id));
    }

    /** Returns the ids of every gateway of the account, in list order, reading all pages. */
    public List<String> gatewayIds() {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            ApiReply reply = get("/gateways?per_page=100&page=" + page);
            JsonNode result = ApiAssertions.assertOk(reply);
            if (result.isEmpty()) {
                return ids;
            }
            result.forEach(g -> ids.add(g.get("id").asText()));
        }
    }

    @Override
    public String toString() {
        return "ManagementApi[" + baseUrl + ", account " + accountId + ", " + credentials.keySet() + "]";
    }
}
