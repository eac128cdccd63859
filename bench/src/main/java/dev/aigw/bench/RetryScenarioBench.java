package dev.aigw.bench;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.UpstreamResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Real time of the five-attempt exponential scenario with a 5 s base delay (waits of 5, 10, 20 and 40 s: 75 s
 * of virtual time) over HTTP: four scripted 503s then the fake provider's success.
 */
final class RetryScenarioBench {

    Stats run(int warmups, int runs) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start()) {
            ThroughputBench.createGateway(emulator);
            HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.providerUrl("bench", "openai")
                            + "/chat/completions"))
                    .header("content-type", "application/json")
                    .header("cf-aig-max-attempts", "5")
                    .header("cf-aig-retry-delay", "5000")
                    .header("cf-aig-backoff", "exponential")
                    .POST(HttpRequest.BodyPublishers.ofString(ThroughputBench.CHAT)).build();
            long[] samples = new long[runs];
            for (int i = -warmups; i < runs; i++) {
                emulator.script("openai").enqueue(UpstreamResponse.status(503), 4);
                long start = System.nanoTime();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long took = System.nanoTime() - start;
                if (response.statusCode() != 200 || emulator.lastTimeline().attempts().size() != 5
                        || emulator.lastTimeline().attempts().get(4).startOffsetMillis() != 75_000) {
                    throw new IllegalStateException("scenario did not run as expected: " + emulator.lastTimeline());
                }
                if (i >= 0) {
                    samples[i] = took;
                }
            }
            return new Stats(samples);
        }
    }
}
