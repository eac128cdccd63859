package dev.aigw.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.aigw.emulator.AiGatewayEmulator;
import io.undertow.Undertow;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput and latency of a non-streaming chat completion: proxied through the emulator to its fake OpenAI
 * provider, against a bare Undertow handler and a WireMock stub answering the same bytes (the emulator's reply:
 * status, headers and body), with the same client and concurrency.
 */
final class ThroughputBench {

    static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";

    /** The bench gateway keeps its newest 10,000 logs, as a long-running gateway must (log_management). */
    static final String LOG_CAP = ",\"log_management\":10000,\"log_management_strategy\":\"DELETE_OLDEST\"";

    /** Reply headers each server writes for itself rather than copying them from the emulator's reply. */
    static final java.util.Set<String> SET_BY_THE_SERVER = java.util.Set.of("content-length", "connection",
            "keep-alive", "transfer-encoding", "date");

    static final String EMULATOR = "aigw-emulator (newest 10,000 logs kept)";
    static final String EMULATOR_ALL_LOGS = "aigw-emulator (every log kept)";
    static final String BARE_UNDERTOW = "bare Undertow handler";
    static final String WIREMOCK = "WireMock stub";

    record Target(String name, double requestsPerSecond, Stats latency) {
    }

    /** A closed-loop client that sends the chat completion to a URL for a while and returns each latency. */
    interface Client {
        long[] load(URI url, Duration duration) throws Exception;

        /** Requests that failed with an I/O error on the client side and were sent again, over every run. */
        long errors();
    }

    private final Client client;
    private final Duration warmup;
    private final Duration measure;

    ThroughputBench(Client client, Duration warmup, Duration measure) {
        this.client = client;
        this.warmup = warmup;
        this.measure = measure;
    }

    /** The bench's own keep-alive client: the servers' cost dominates what it measures. */
    static Client raw(int concurrency) {
        LoadGenerator generator = new LoadGenerator(concurrency);
        byte[] body = CHAT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> headers = List.of("content-type", "application/json", "authorization", "Bearer sk-bench");
        return new Client() {
            @Override
            public long[] load(URI url, Duration duration) throws Exception {
                return generator.run(url, body, headers, duration);
            }

            @Override
            public long errors() {
                return generator.reconnects();
            }
        };
    }

    /** The JDK's {@code HttpClient}, as a Java test would call the emulator: its own cost is most of each request. */
    static Client jdk(int concurrency) {
        return new JdkClient(concurrency);
    }

    /**
     * Measures the emulator, the bare Undertow handler and the WireMock stub in interleaved rounds, all three
     * servers up at once, and keeps each one's median round, so that drift in the machine's speed during the run
     * weighs on all three alike. The emulator whose logs all stay in its heap is measured last, on its own.
     */
    List<Target> run(int rounds) throws Exception {
        // As many I/O threads as the bare Undertow baseline gets by default (max(2, cores)).
        int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        WireMockServer wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1").disableRequestJournal().containerThreads(16));
        Undertow undertow = null;
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().ioThreads(ioThreads).build().start()) {
            createGateway(emulator, "bench", LOG_CAP);
            createGateway(emulator, "bench-all-logs", "");
            String url = emulator.providerUrl("bench", "openai") + "/chat/completions";
            // The baselines answer the same bytes: the status, headers and body of the emulator's reply, so that
            // what differs between the targets is the work behind the reply, not its size.
            HttpResponse<byte[]> reply = HttpClient.newHttpClient().send(request(url),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] answer = reply.body();
            Map<String, String> headers = new LinkedHashMap<>();
            reply.headers().map().forEach((name, values) -> {
                if (!SET_BY_THE_SERVER.contains(name)) {
                    headers.put(name, values.get(0));
                }
            });
            undertow = Undertow.builder().addHttpListener(0, "127.0.0.1")
                    .setHandler(exchange -> {
                        headers.forEach((name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
                        exchange.getResponseSender().send(ByteBuffer.wrap(answer));
                    }).build();
            undertow.start();
            wiremock.start();
            ResponseDefinitionBuilder stub = aResponse().withStatus(200).withBody(answer);
            headers.forEach(stub::withHeader);
            wiremock.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(stub));
            int undertowPort = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put(EMULATOR, url);
            urls.put(BARE_UNDERTOW, "http://127.0.0.1:" + undertowPort + "/v1/chat/completions");
            urls.put(WIREMOCK, "http://127.0.0.1:" + wiremock.port() + "/v1/chat/completions");
            requireSameReply(urls.get(BARE_UNDERTOW), answer, headers);
            requireSameReply(urls.get(WIREMOCK), answer, headers);

            for (String target : urls.values()) {
                client.load(URI.create(target), warmup);
            }
            Map<String, List<Target>> byName = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, String> target : urls.entrySet()) {
                    byName.computeIfAbsent(target.getKey(), k -> new ArrayList<>())
                            .add(measureOnce(target.getKey(), target.getValue()));
                }
            }
            List<Target> targets = new ArrayList<>();
            byName.values().forEach(measured -> targets.add(median(measured)));

            String allLogs = emulator.providerUrl("bench-all-logs", "openai") + "/chat/completions";
            client.load(URI.create(allLogs), warmup);
            targets.add(1, measureOnce(EMULATOR_ALL_LOGS, allLogs));
            return targets;
        } finally {
            wiremock.stop();
            if (undertow != null) {
                undertow.stop();
            }
        }
    }

    private static void requireSameReply(String url, byte[] body, Map<String, String> headers) throws Exception {
        HttpResponse<byte[]> reply = HttpClient.newHttpClient().send(request(url), HttpResponse.BodyHandlers.ofByteArray());
        headers.forEach((name, value) -> {
            if (!reply.headers().allValues(name).equals(List.of(value))) {
                throw new IllegalStateException(url + " answers " + name + ": " + reply.headers().allValues(name)
                        + ", not " + value);
            }
        });
        if (reply.statusCode() != 200 || !java.util.Arrays.equals(reply.body(), body)) {
            throw new IllegalStateException(url + " does not answer the emulator's reply");
        }
    }

    private static Target median(List<Target> rounds) {
        List<Target> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingDouble(Target::requestsPerSecond));
        return sorted.get(sorted.size() / 2);
    }

    private Target measureOnce(String name, String url) throws Exception {
        long[] all = client.load(URI.create(url), measure);
        return new Target(name, all.length / (measure.toNanos() / 1e9), new Stats(all));
    }


    private static final class JdkClient implements Client {

        private final java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
        private final int concurrency;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        JdkClient(int concurrency) {
            this.concurrency = concurrency;
        }

        @Override
        public long errors() {
            return errors.get();
        }

        @Override
        public long[] load(URI url, Duration duration) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            try {
                long end = System.nanoTime() + duration.toNanos();
                List<Future<long[]>> futures = new ArrayList<>();
                for (int t = 0; t < concurrency; t++) {
                    futures.add(pool.submit(() -> loop(url, end)));
                }
                List<long[]> results = new ArrayList<>();
                for (Future<long[]> f : futures) {
                    results.add(f.get());
                }
                return LoadGenerator.concat(results);
            } finally {
                pool.shutdownNow();
            }
        }

        private long[] loop(URI url, long end) throws Exception {
            long[] samples = new long[1 << 16];
            int n = 0;
            HttpRequest request = request(url.toString());
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
        }
    }

    private static HttpRequest request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json")
                .header("authorization", "Bearer sk-bench")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT)).build();
    }

    static void createGateway(AiGatewayEmulator emulator) throws Exception {
        createGateway(emulator, "bench", "");
    }

    /** Creates a gateway with logs on, caching and rate limiting off, and {@code extra} JSON members. */
    static void createGateway(AiGatewayEmulator emulator, String id, String extra) throws Exception {
        String body = "{\"id\":\"" + id + "\",\"cache_invalidate_on_update\":false,\"cache_ttl\":0,\"collect_logs\":true,"
                + "\"rate_limiting_interval\":0,\"rate_limiting_limit\":0" + extra + "}";
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        emulator.managementUrl() + "/accounts/" + emulator.accountId() + "/ai-gateway/gateways"))
                .header("authorization", "Bearer " + emulator.apiToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 200) {
            throw new IllegalStateException("gateway not created: " + created.body());
        }
    }
}
