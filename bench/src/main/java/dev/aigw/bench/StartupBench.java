package dev.aigw.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.aigw.emulator.AiGatewayEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * In-process start to the first 200: AiGatewayEmulator against WireMockServer on a dynamic port. The first
 * request goes out on a plain socket ({@link LoadGenerator#getOnce}) or through the JDK's {@code HttpClient},
 * whose own set-up of a new connection costs about 2 ms, as much as a bare Undertow takes to start.
 */
final class StartupBench {

    private final HttpClient client = HttpClient.newHttpClient();
    private final boolean jdkClient;

    StartupBench(boolean jdkClient) {
        this.jdkClient = jdkClient;
    }

    record Result(Stats emulator, Stats wiremock) {
        double ratio() {
            return emulator.medianMillis() / wiremock.medianMillis();
        }
    }

    Result run(int warmups, int runs) throws Exception {
        for (int i = 0; i < warmups; i++) {
            emulatorOnce();
            wiremockOnce();
        }
        // Each server is measured in its own block: a stopping WireMock leaves Jetty threads and garbage behind
        // that would otherwise land on the next emulator's measurement.
        long[] emulator = new long[runs];
        System.gc();
        for (int i = 0; i < runs; i++) {
            emulator[i] = emulatorOnce();
        }
        long[] wiremock = new long[runs];
        System.gc();
        for (int i = 0; i < runs; i++) {
            wiremock[i] = wiremockOnce();
        }
        return new Result(new Stats(emulator), new Stats(wiremock));
    }

    private long emulatorOnce() throws Exception {
        long start = System.nanoTime();
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start()) {
            ok(emulator.baseUrl() + "/__emulator/health");
            return System.nanoTime() - start;
        }
    }

    private long wiremockOnce() throws Exception {
        long start = System.nanoTime();
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try {
            ok("http://127.0.0.1:" + server.port() + "/__admin/health");
            return System.nanoTime() - start;
        } finally {
            server.stop();
        }
    }

    private void ok(String url) throws Exception {
        if (!jdkClient) {
            int status = LoadGenerator.getOnce(URI.create(url));
            if (status != 200) {
                throw new IllegalStateException(url + " answered " + status);
            }
            return;
        }
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
    }
}
