package dev.aigw.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.aigw.emulator.AiGatewayEmulator;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput and latency of a non-streaming chat completion: proxied through the emulator to its fake OpenAI
 * provider, against a bare Undertow handler and a WireMock stub answering the same bytes, with the same client
 * and concurrency.
 */
final class ThroughputBench {

    static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";

    record Target(String name, double requestsPerSecond, Stats latency) {
    }

    private final java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
    private final int concurrency;
    private final Duration warmup;
    private final Duration measure;

    ThroughputBench(int concurrency, Duration warmup, Duration measure) {
        this.concurrency = concurrency;
        this.warmup = warmup;
        this.measure = measure;
    }

    /** Returns the requests that failed with an I/O error on the client side, over every target. */
    long errors() {
        return errors.get();
    }

    List<Target> run() throws Exception {
        List<Target> targets = new ArrayList<>();
        byte[] answer;
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().workerThreads(Math.max(8, concurrency * 2))
                .build().start()) {
            createGateway(emulator);
            String url = emulator.providerUrl("bench", "openai") + "/chat/completions";
            answer = HttpClient.newHttpClient().send(request(url), HttpResponse.BodyHandlers.ofByteArray()).body();
            targets.add(measure("aigw-emulator (proxy -> fake openai)", url));
        }
        Undertow undertow = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(exchange -> {
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    exchange.getResponseSender().send(ByteBuffer.wrap(answer));
                }).build();
        undertow.start();
        try {
            int port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
            targets.add(measure("bare Undertow handler", "http://127.0.0.1:" + port + "/v1/chat/completions"));
        } finally {
            undertow.stop();
        }
        WireMockServer wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1").disableRequestJournal().containerThreads(Math.max(10, concurrency * 2)));
        wiremock.start();
        try {
            wiremock.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(200)
                    .withHeader("content-type", "application/json").withBody(answer)));
            targets.add(measure("WireMock stub", "http://127.0.0.1:" + wiremock.port() + "/v1/chat/completions"));
        } finally {
            wiremock.stop();
        }
        return targets;
    }

    private Target measure(String name, String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        load(client, url, warmup);
        List<long[]> perThread = load(client, url, measure);
        int total = perThread.stream().mapToInt(a -> a.length).sum();
        long[] all = new long[total];
        int i = 0;
        for (long[] part : perThread) {
            System.arraycopy(part, 0, all, i, part.length);
            i += part.length;
        }
        return new Target(name, total / (measure.toNanos() / 1e9), new Stats(all));
    }

    private List<long[]> load(HttpClient client, String url, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long end = System.nanoTime() + duration.toNanos();
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                futures.add(pool.submit(() -> {
                    long[] samples = new long[1 << 16];
                    int n = 0;
                    HttpRequest request = request(url);
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        HttpResponse<byte[]> response;
                        try {
                            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        } catch (java.io.IOException e) {
                            // The JDK client sometimes loses a pooled connection; it is not the server's doing.
                            errors.incrementAndGet();
                            continue;
                        }
                        long took = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(url + " answered " + response.statusCode());
                        }
                        if (n == samples.length) {
                            samples = java.util.Arrays.copyOf(samples, n * 2);
                        }
                        samples[n++] = took;
                    }
                    return java.util.Arrays.copyOf(samples, n);
                }));
            }
            List<long[]> results = new ArrayList<>();
            for (Future<long[]> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json")
                .header("authorization", "Bearer sk-bench")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT)).build();
    }

    static void createGateway(AiGatewayEmulator emulator) throws Exception {
        String body = "{\"id\":\"bench\",\"cache_invalidate_on_update\":false,\"cache_ttl\":0,\"collect_logs\":true,"
                + "\"rate_limiting_interval\":0,\"rate_limiting_limit\":0}";
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        emulator.managementUrl() + "/accounts/" + emulator.accountId() + "/ai-gateway/gateways"))
                .header("authorization", "Bearer " + emulator.apiToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 200) {
            throw new IllegalStateException("gateway not created: " + created.body());
        }
    }
}
