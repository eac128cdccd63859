package dev.aigw.emulator.internal.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Sends JSON requests to a running emulator with the JDK's {@link HttpClient} and reads its JSON answers: the one
 * place where the remote emulator touches HTTP. An emulator that cannot be reached, or does not answer in time, is
 * an {@link UncheckedIOException} naming its URL and the call; an answer that is not JSON is an
 * {@link IllegalStateException}. Thread-safe.
 */
public final class HttpTransport {

    /** How long a call may take when it does not wait on purpose (a take or an await adds its own wait). */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private static final String VALIDATION = "Input Validation Error: ";

    private final String baseUrl;
    private final HttpClient http;

    /**
     * Creates a transport to the emulator at {@code baseUrl}.
     *
     * @throws IllegalArgumentException if {@code baseUrl} is not an absolute http(s) URL
     */
    public HttpTransport(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected the emulator's base URL, such as http://localhost:8787, got "
                    + baseUrl, e);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("expected the emulator's base URL, such as http://localhost:8787, got "
                    + baseUrl);
        }
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Returns the emulator's root URL, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Sends a call and returns the answer, whatever its status.
     *
     * @param method the HTTP method
     * @param path the path from the root, with its query (see {@link #query})
     * @param body the JSON body, or {@code null} for none
     * @param bearerToken the token to send as {@code Authorization: Bearer}, or {@code null}
     * @param wait how long the emulator may wait on purpose before it answers, on top of {@link #CALL_TIMEOUT}
     * @throws InterruptedException if the thread is interrupted while it waits for the answer
     */
    public Reply send(String method, String path, JsonNode body, String bearerToken, Duration wait)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(CALL_TIMEOUT.plus(wait))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (bearerToken != null) {
            request.header("authorization", "Bearer " + bearerToken);
        }
        String call = method + " " + path;
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new UncheckedIOException("the emulator at " + baseUrl + " did not answer " + call + " within "
                    + CALL_TIMEOUT.plus(wait).toSeconds() + " s", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator at " + baseUrl + " could not be reached for " + call + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); is it running, and is that its base URL?", e);
        }
        return new Reply(call, response.statusCode(), json(call, response));
    }

    /** Sends a call that does not wait on purpose; an interrupt is kept as the thread's flag. */
    public Reply send(String method, String path, JsonNode body, String bearerToken) {
        try {
            return send(method, path, body, bearerToken, Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + method + " " + baseUrl + path, e);
        }
    }

    /**
     * Returns a query string for names and values given in turns, each value URL-encoded, leaving out the pairs
     * whose value is {@code null}; empty when none is left, {@code ?a=1&b=2} otherwise.
     */
    public static String query(String... namesAndValues) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                query.add(namesAndValues[i] + "=" + encode(namesAndValues[i + 1]));
            }
        }
        return query.toString();
    }

    /** Encodes a path segment or a query value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode json(String call, HttpResponse<String> response) {
        String text = response.body();
        if (text.isEmpty()) {
            return Json.object();
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(call + " at " + baseUrl + " answered " + response.statusCode()
                    + " with a body that is not JSON (" + (text.length() > 100 ? text.substring(0, 97) + "..." : text)
                    + "); is " + baseUrl + " an AI Gateway emulator?", e);
        }
    }

    @Override
    public String toString() {
        return "HttpTransport[" + baseUrl + "]";
    }

    /**
     * One error of the v4 envelope's {@code errors} array.
     *
     * @param code the Cloudflare error code
     * @param message the message
     * @param path where the error is, empty when it has no location
     */
    public record Error(int code, String message, List<String> path) {
    }

    /**
     * An answer of the emulator.
     *
     * @param call the method and path that were called, for messages
     * @param status the HTTP status
     * @param body the JSON body (an empty object when there was none)
     */
    public record Reply(String call, int status, JsonNode body) {

        /** Tells whether the status is 2xx. */
        public boolean ok() {
            return status / 100 == 2;
        }

        /** Returns the errors of a v4 error envelope, in order; empty for any other body. */
        public List<Error> errors() {
            List<Error> errors = new ArrayList<>();
            for (JsonNode error : body.path("errors")) {
                List<String> path = new ArrayList<>();
                error.path("path").forEach(p -> path.add(p.asText()));
                errors.add(new Error(error.path("code").asInt(), error.path("message").asText(""), path));
            }
            return errors;
        }

        /**
         * Returns the body of a 2xx answer; turns a control API error into the exception the Java API throws for
         * the same failure: a validation error (400/7001) into an {@link IllegalArgumentException} with its detail,
         * a refusal in the emulator's state (409, or a 400 that is no validation error) into an
         * {@link IllegalStateException} with its message, anything else into an {@link IllegalStateException} that
         * names the call and the status.
         */
        public JsonNode orThrow() {
            if (ok()) {
                return body;
            }
            String message = errors().isEmpty() ? body.toString() : errors().get(0).message();
            if (status == 400 && message.startsWith(VALIDATION)) {
                throw new IllegalArgumentException(message.substring(VALIDATION.length()));
            }
            if (status == 400 || status == 409) {
                throw new IllegalStateException(message);
            }
            throw new IllegalStateException(call + " answered " + status + ": " + message);
        }
    }
}
