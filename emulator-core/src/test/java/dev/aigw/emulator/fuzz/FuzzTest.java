package dev.aigw.emulator.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.internal.server.LibraryLogs;
import dev.aigw.emulator.testsupport.ChildJvm;
import dev.aigw.emulator.testsupport.RawHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends seeded malformed and hostile requests ({@link HostileRequests}) over raw sockets to an emulator in a child
 * JVM ({@link FuzzTarget}), and asserts: no 500 of the emulator's own (10001), no other 5xx than the request
 * scripted or the spec prescribes (501 for a provider without a fake, 502/504 for scripted faults and timeouts), no hang (every request gets its answer
 * or a close within {@value #SOCKET_TIMEOUT_MS} ms), no ERROR line in the emulator's log, and the state the owner
 * created through the management API before the run, with a token the fuzzer does not hold, unchanged after it.
 *
 * <p>The build runs 5,000 requests with a new seed each time; a failure names the seed. Replay it, or run longer:
 * <pre>
 * mvn -pl emulator-core verify -Dtest=FuzzTest -Dfuzz.requests=100000 -Dfuzz.seed=1234 -Dfuzz.threads=4
 * </pre>
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class FuzzTest {

    private static final int SOCKET_TIMEOUT_MS = 10_000;
    private static final Pattern PORT = Pattern.compile("port=(\\d+)");
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^.*(\\] ERROR |^ERROR |SEVERE).*$");
    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private final long seed = Long.getLong("fuzz.seed", System.nanoTime());
    private final int requests = Integer.getInteger("fuzz.requests", 5_000);
    private final int threads = Integer.getInteger("fuzz.threads", 4);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void hostileRequestsGetNoServerErrorNoHangNoErrorLogAndChangeNoOnesState(@TempDir Path dir) throws Exception {
        ChildJvm.Started child = ChildJvm.withSlf4jSimple()
                .jvmOptions("-D" + LibraryLogs.PROVIDER_PROPERTY + "=slf4j",
                        "-Xmx" + System.getProperty("fuzz.heap", "512m"))
                .start(dir, FuzzTarget.class);
        String replay = "seed " + seed + " (replay: mvn -pl emulator-core verify -Dtest=FuzzTest -Dfuzz.seed=" + seed
                + " -Dfuzz.requests=" + requests + ")";
        try {
            int port = portOf(child);
            String before = ownersState(port);
            long started = System.nanoTime();
            Run run = fuzz(port);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            String after = ownersState(port);
            if (System.getProperty("fuzz.requests") != null) {
                // A run sized by hand (a long run) reports its figures; the build's run stays quiet when it passes.
                System.out.printf("FuzzTest: %s; %d requests in %d ms, %d threads; statuses %s%n", replay, requests,
                        millis, threads, new TreeMap<>(run.statusCounts()));
            }

            assertThat(run.failures).as("%s: requests answered wrongly or not at all", replay).isEmpty();
            assertThat(after).as("%s: the owner's gateways and logs", replay).isEqualTo(before);
        } finally {
            try (OutputStream stdin = child.process().getOutputStream()) {
                stdin.close();
            }
            if (!child.process().waitFor(30, TimeUnit.SECONDS)) {
                child.process().destroyForcibly();
            }
        }
        String stderr = Files.readString(child.stderr());
        List<String> errors = new ArrayList<>();
        Matcher m = ERROR_LINE.matcher(stderr);
        while (m.find() && errors.size() < 20) {
            errors.add(m.group());
        }
        assertThat(errors).as("%s: ERROR lines in the emulator's log (whole log: %s)", replay,
                child.stderr()).isEmpty();
    }

    /** What a run found: every status seen and the failures (at most 30 kept). */
    private record Run(Map<String, AtomicInteger> statuses, List<String> failures) {

        Map<String, Integer> statusCounts() {
            return statuses.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
        }
    }

    private Run fuzz(int port) throws InterruptedException {
        HostileRequests generator = new HostileRequests(seed, port);
        Run run = new Run(new ConcurrentHashMap<>(), Collections.synchronizedList(new ArrayList<>()));
        AtomicLong nextIndex = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (long i; (i = nextIndex.getAndIncrement()) < requests; ) {
                    HostileRequests.Case c = generator.next(i);
                    String verdict = send(port, c, run);
                    if (verdict != null && run.failures.size() < 30) {
                        run.failures.add("#" + c.index() + " " + c.surface() + ": " + verdict + "; request: "
                                + c.excerpt(600));
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            run.failures.add("the run did not end within 10 minutes");
        }
        return run;
    }

    /** Sends one case; returns what is wrong with the answer, or null. */
    private static String send(int port, HostileRequests.Case c, Run run) {
        try {
            if (c.setup() != null) {
                RawHttp.send(port, c.setup(), Duration.ofMillis(SOCKET_TIMEOUT_MS));
            }
            RawHttp.Reply reply = RawHttp.send(port, c.request(), Duration.ofMillis(SOCKET_TIMEOUT_MS));
            run.statuses.computeIfAbsent(c.surface() + " " + (reply.timedOut() ? "hang" : reply.status()),
                    k -> new AtomicInteger()).incrementAndGet();
            if (reply.timedOut()) {
                return "no answer and no close within " + SOCKET_TIMEOUT_MS + " ms (read: " + cut(reply.text()) + ")";
            }
            int status = reply.status();
            boolean emulatorBug = status == 500 && reply.body().contains("\"code\":10001");
            if (emulatorBug || status >= 500 && !c.allowed5xx().contains(status)) {
                return "status " + status + ": " + cut(reply.text());
            }
            return null;
        } catch (IOException e) {
            return "could not talk to the emulator: " + e;
        }
    }

    private static String cut(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }

    private static int portOf(ChildJvm.Started child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = PORT.matcher(Files.readString(child.stdout()));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!child.process().isAlive()) {
                throw new AssertionError("the fuzz target ended: " + child.ended());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("the fuzz target printed no port within 60 s");
    }

    /**
     * Creates the owner's state on the first call (two gateways with authentication on, one with logs) and returns
     * it as JSON text: the gateways, their log lists and the control API's full log entries.
     */
    private String ownersState(int port) throws Exception {
        String base = "http://127.0.0.1:" + port;
        String gateways = base + "/client/v4/accounts/" + FuzzTarget.OWNER_ACCOUNT + "/ai-gateway/gateways";
        if (call("GET", gateways, null).contains("\"protected\"")) {
            return snapshot(base, gateways);
        }
        for (String id : List.of("protected", "protected-logs")) {
            call("POST", gateways, "{\"id\":\"" + id + "\",\"cache_invalidate_on_update\":false,\"cache_ttl\":0,"
                    + "\"collect_logs\":true,\"rate_limiting_interval\":0,\"rate_limiting_limit\":0,"
                    + "\"authentication\":true}");
        }
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/"
                            + FuzzTarget.OWNER_ACCOUNT + "/protected-logs/openai/chat/completions"))
                    .header("cf-aig-authorization", "Bearer " + FuzzTarget.OWNER_TOKEN)
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(CHAT)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(proxied.statusCode()).as(proxied.body()).isEqualTo(200);
        }
        return snapshot(base, gateways);
    }

    private String snapshot(String base, String gateways) throws Exception {
        StringBuilder state = new StringBuilder(call("GET", gateways, null));
        for (String id : List.of("protected", "protected-logs")) {
            state.append('\n').append(call("GET", gateways + "/" + id, null));
            state.append('\n').append(call("GET", gateways + "/" + id + "/logs?per_page=50", null));
            state.append('\n').append(call("GET", base + "/__emulator/logs/" + id + "?account_id="
                    + FuzzTarget.OWNER_ACCOUNT, null));
        }
        return state.toString();
    }

    private String call(String method, String url, String body) throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("authorization", "Bearer " + FuzzTarget.OWNER_TOKEN)
                .header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as("%s %s: %s", method, url, reply.body()).isEqualTo(200);
        return reply.body();
    }
}
