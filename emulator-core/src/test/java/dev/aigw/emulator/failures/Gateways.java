package dev.aigw.emulator.failures;

import dev.aigw.emulator.AiGatewayEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Creates gateways through the management API for failure tests. */
final class Gateways {

    private Gateways() {
    }

    /** Creates a gateway with the required fields plus extra JSON members. */
    static void create(AiGatewayEmulator emulator, String id, String extraMembers) {
        String body = "{\"id\":\"" + id + "\",\"cache_invalidate_on_update\":false,\"cache_ttl\":0,\"collect_logs\":true,"
                + "\"rate_limiting_interval\":0,\"rate_limiting_limit\":0" + (extraMembers.isEmpty() ? "" : "," + extraMembers) + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.managementUrl() + "/accounts/"
                        + emulator.accountId() + "/ai-gateway/gateways"))
                .header("authorization", "Bearer " + emulator.apiToken())
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("could not create gateway " + id + ": " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
