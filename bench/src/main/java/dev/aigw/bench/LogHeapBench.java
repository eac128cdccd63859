package dev.aigw.bench;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.UpstreamResponse;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Heap held by the logs of many requests with 1 KB request and response bodies: the emulator's used heap after
 * full collections, measured before the requests (the baseline, same emulator, already warmed up) and after
 * them. The journal and the timelines keep one entry, so that the figure is the logs' own.
 */
final class LogHeapBench {

    /** The goal for 10,000 logged requests, in bytes. */
    static final long GOAL_BYTES = 64L * 1024 * 1024;

    record Result(int requests, long baselineBytes, long afterBytes, int logged) {

        long heldBytes() {
            return afterBytes - baselineBytes;
        }
    }

    Result run(int requests) throws Exception {
        String requestBody = padded(
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}]}");
        String responseBody = padded("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1767225600,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"%s\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":250,\"completion_tokens\":240,\"total_tokens\":490}}");
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().journalLimit(1).workerThreads(16).build()
                .start()) {
            ThroughputBench.createGateway(emulator);
            emulator.script("openai").always(UpstreamResponse.builder().body(responseBody).build());
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.providerUrl("bench", "openai")
                            + "/chat/completions"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(requestBody)).build();
            send(client, request, 1000);
            deleteLogs(emulator);
            long baseline = usedHeapAfterGc();
            send(client, request, requests);
            // Reading the logs finishes every entry (usage and price), so the heap is measured as a reader sees it.
            int stored = emulator.logs("bench").size();
            long after = usedHeapAfterGc();
            return new Result(requests, baseline, after, stored);
        }
    }

    private static void send(HttpClient client, HttpRequest request, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                statuses.add(pool.submit(() -> client.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode()));
            }
            for (Future<Integer> status : statuses) {
                if (status.get() != 200) {
                    throw new IllegalStateException("a request failed with " + status.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void deleteLogs(AiGatewayEmulator emulator) throws Exception {
        HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        emulator.managementUrl() + "/accounts/" + emulator.accountId()
                                + "/ai-gateway/gateways/bench/logs"))
                .header("authorization", "Bearer " + emulator.apiToken())
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        if (deleted.statusCode() != 200 || !emulator.logs("bench").isEmpty()) {
            throw new IllegalStateException("warm-up logs not deleted: " + deleted.body());
        }
    }

    /** Fills the template's {@code %s} so that the whole body is exactly 1,024 bytes. */
    private static String padded(String template) {
        int filler = 1024 - (template.length() - 2);
        return String.format(Locale.ROOT, template, "x".repeat(filler));
    }

    static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Runs this benchmark alone and prints its figure. */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        print(new LogHeapBench().run(10_000));
    }

    static void print(Result r) {
        System.out.printf(Locale.ROOT, "Heap held by %,d logged requests with 1 KB request and response bodies"
                        + " (%,d entries stored):%n  %.1f MB, %,d bytes per request (baseline %.1f MB, after %.1f MB;"
                        + " goal < %d MB)%n",
                r.requests(), r.logged(), r.heldBytes() / 1048576.0, r.heldBytes() / r.requests(),
                r.baselineBytes() / 1048576.0, r.afterBytes() / 1048576.0, GOAL_BYTES / 1048576);
    }
}
