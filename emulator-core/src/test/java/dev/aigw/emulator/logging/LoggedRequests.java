package dev.aigw.emulator.logging;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.UpstreamResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends a few gateway requests whose log lines {@link RequestLinesTest} reads, in a child JVM: the README's quick
 * start (four 503s retried with exponential backoff, then a 200), a cache miss and a hit, and a request to a
 * gateway that does not exist.
 */
public final class LoggedRequests {

    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

    private LoggedRequests() {
    }

    /** Sends the requests; takes no arguments. */
    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start()) {
            emulator.createGateway("my-gateway", GatewaySettings.builder().retryMaxAttempts(5)
                    .retryDelay(Duration.ofSeconds(5)).retryBackoff(GatewaySettings.Backoff.EXPONENTIAL).build());
            emulator.script("openai").enqueue(UpstreamResponse.status(503), 4);
            send(http, emulator.providerUrl("my-gateway", "openai"));

            emulator.createGateway("cached", GatewaySettings.builder().cacheTtl(Duration.ofMinutes(5)).build());
            send(http, emulator.providerUrl("cached", "openai"));
            send(http, emulator.providerUrl("cached", "openai"));

            send(http, emulator.providerUrl("no-such-gateway", "openai"));
        }
    }

    private static void send(HttpClient http, String providerUrl) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(providerUrl + "/chat/completions"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT)).build(), HttpResponse.BodyHandlers.discarding());
    }
}
