package dev.aigw.emulator.failures;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.testsupport.ApiAssertions;
import dev.aigw.emulator.testsupport.ApiReply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls an emulator's control API ({@code /__emulator}) and reads the JSON answer. */
final class ControlCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ControlCalls() {
    }

    /** Sends {@code method path} with an optional JSON body and returns the parsed answer. */
    static ApiReply call(AiGatewayEmulator emulator, String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__emulator" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiReply(method, path, response.statusCode(), response.headers(),
                    ApiAssertions.json(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " was interrupted", e);
        }
    }
}
