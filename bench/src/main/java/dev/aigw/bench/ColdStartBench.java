package dev.aigw.bench;

import dev.aigw.emulator.AiGatewayEmulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start: from launching a fresh JVM to reading the status of its first chat completion. Each run starts
 * {@code java -cp <this classpath> ColdStartTarget <target>} with no JVM options, as a test JVM would start, and
 * times until the child prints the status it received (see {@link ColdStartTarget}). The targets take turns,
 * each round in a different order, so that drift in the machine's speed weighs on them alike.
 */
final class ColdStartBench {

    static final List<String> TARGETS = List.of(ColdStartTarget.EMULATOR, ColdStartTarget.BARE_UNDERTOW,
            ColdStartTarget.WIREMOCK);

    /** Returns each target's times, in {@link #TARGETS}' order, after {@code warmups} unmeasured rounds. */
    Map<String, Stats> run(int warmups, int runs) throws Exception {
        Path reply = Files.createTempFile("aigw-cold-start", ".reply");
        try {
            emulatorReply().write(reply);
            Map<String, long[]> times = new LinkedHashMap<>();
            TARGETS.forEach(target -> times.put(target, new long[runs]));
            for (int round = -warmups; round < runs; round++) {
                for (int i = 0; i < TARGETS.size(); i++) {
                    String target = TARGETS.get(Math.floorMod(round + i, TARGETS.size()));
                    long took = launch(target, reply);
                    if (round >= 0) {
                        times.get(target)[round] = took;
                    }
                }
            }
            Map<String, Stats> stats = new LinkedHashMap<>();
            times.forEach((target, nanos) -> stats.put(target, new Stats(nanos)));
            return stats;
        } finally {
            Files.deleteIfExists(reply);
        }
    }

    /** The emulator's reply to the first chat completion of a fresh emulator, as the baselines are to answer it. */
    private static ColdStartTarget.Reply emulatorReply() throws Exception {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start()) {
            HttpResponse<byte[]> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(emulator.baseUrl() + ColdStartTarget.PATH))
                    .header("content-type", "application/json")
                    .header("authorization", "Bearer sk-bench")
                    .header("cf-aig-authorization", "Bearer " + emulator.apiToken())
                    .POST(HttpRequest.BodyPublishers.ofString(ThroughputBench.CHAT)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("the emulator answered " + reply.statusCode());
            }
            Map<String, String> headers = new LinkedHashMap<>();
            reply.headers().map().forEach((name, values) -> {
                if (!ThroughputBench.SET_BY_THE_SERVER.contains(name)) {
                    headers.put(name, values.get(0));
                }
            });
            return new ColdStartTarget.Reply(headers, reply.body());
        }
    }

    /** Launches one target in a fresh JVM and returns the nanoseconds until it reported a 200. */
    private static long launch(String target, Path reply) throws Exception {
        Path stderr = Files.createTempFile("aigw-cold-start", ".stderr");
        try {
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ColdStartTarget.class.getName(), target,
                    reply.toString())
                    .redirectError(stderr.toFile());
            long start = System.nanoTime();
            Process process = builder.start();
            String line;
            long took;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                line = out.readLine();
                took = System.nanoTime() - start;
            }
            int exit = process.waitFor();
            if (!"200".equals(line) || exit != 0) {
                throw new IllegalStateException("cold start of " + target + " reported " + line + " (exit " + exit
                        + "); its stderr: " + Files.readString(stderr));
            }
            return took;
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}
