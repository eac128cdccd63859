package dev.aigw.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.aigw.emulator.AiGatewayEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** In-process start to the first 200: AiGatewayEmulator against WireMockServer on a dynamic port. */
final class StartupBench {

    private final HttpClient client = HttpClient.newHttpClient();

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
        long[] emulator = new long[runs];
        long[] wiremock = new long[runs];
        for (int i = 0; i < runs; i++) {
            emulator[i] = emulatorOnce();
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
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
    }
}
