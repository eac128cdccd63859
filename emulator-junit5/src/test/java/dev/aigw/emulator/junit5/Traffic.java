package dev.aigw.emulator.junit5;

import dev.aigw.emulator.AiGatewayEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The few data-plane calls these tests make: chat through a gateway, or post any body. */
final class Traffic {

    static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Traffic() {
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
