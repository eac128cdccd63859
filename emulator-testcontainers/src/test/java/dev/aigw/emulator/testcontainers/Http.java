package dev.aigw.emulator.testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain JDK HTTP calls to a container, as a non-Java client would make them; header name/value pairs. */
final class Http {

    static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello"
            + " there\"}]}";

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> get(String url, String... headers) {
        return send("GET", url, null, headers);
    }

    static HttpResponse<String> post(String url, String body, String... headers) {
        return send("POST", url, body, headers);
    }

    static HttpResponse<String> send(String method, String url, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /**
     * Returns the value of the first string member of that name in a JSON body, unescaped for quotes and
     * backslashes, as a client that knows the body's shape reads it.
     */
    static String stringMember(HttpResponse<String> response, String member) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(member) + "\"\\s*:\\s*\"((?:\\\\.|[^\"\\\\])*)\"")
                .matcher(response.body());
        if (!m.find()) {
            throw new AssertionError("no string member \"" + member + "\" in " + response.body());
        }
        return m.group(1).replaceAll("\\\\([\"\\\\])", "$1");
    }
}
