package dev.aigw.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every benchmark in one JVM (started again with {@link #JVM_OPTIONS} when it lacks them) and prints the
 * figures with their ratios against the baselines measured in the same run. Options: {@code --quick} for a short
 * smoke run, {@code --startup}, {@code --cold-start} or {@code --throughput} for one benchmark alone, and
 * {@code --soak} for a million proxied requests and the heap they leave (not part of the full run).
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** The JVM options every run measures with: a fixed, pre-touched heap (see {@link #inFixedHeap}). */
    static final List<String> JVM_OPTIONS = List.of("-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch");

    public static void main(String[] args) throws Exception {
        int status = 1;
        try {
            if (inFixedHeap()) {
                run(args);
                status = 0;
            } else {
                status = relaunchInFixedHeap(args);
            }
        } finally {
            // Client libraries may leave non-daemon threads behind; the run is over either way.
            System.exit(status);
        }
    }

    private static void throughput(String clientName, ThroughputBench.Client client, int concurrency,
                                   Duration warmup, Duration measure) throws Exception {
        int rounds = 3;
        List<ThroughputBench.Target> targets = new ThroughputBench(client, warmup, measure).run(rounds);
        System.out.printf(Locale.ROOT, "Non-streaming chat completion, %d concurrent clients, %s (median of %d"
                + " interleaved %d s rounds):%n", concurrency, clientName, rounds, measure.toSeconds());
        for (ThroughputBench.Target t : targets) {
            System.out.printf(Locale.ROOT, "  %-40s %9.0f req/s  p50 %6.3f ms  p99 %6.3f ms%n", t.name(),
                    t.requestsPerSecond(), t.latency().medianMillis(), t.latency().percentileMillis(99));
        }
        if (client.errors() > 0) {
            System.out.printf(Locale.ROOT, "  (%d client-side I/O errors retried)%n", client.errors());
        }
        double bare = rate(targets, ThroughputBench.BARE_UNDERTOW);
        double wiremock = rate(targets, ThroughputBench.WIREMOCK);
        for (String emulator : List.of(ThroughputBench.EMULATOR, ThroughputBench.EMULATOR_ALL_LOGS)) {
            double rate = rate(targets, emulator);
            System.out.printf(Locale.ROOT, "  %s: vs bare Undertow %.2f (goal >= 0.70), vs WireMock %.2f (goal >= 2.0)%n",
                    emulator, rate / bare, rate / wiremock);
        }
        System.out.println();
    }

    private static void coldStart(boolean quick) throws Exception {
        Map<String, Stats> times = new ColdStartBench().run(quick ? 1 : 2, quick ? 3 : 20);
        Stats emulator = times.get(ColdStartTarget.EMULATOR);
        Stats undertow = times.get(ColdStartTarget.BARE_UNDERTOW);
        Stats wiremock = times.get(ColdStartTarget.WIREMOCK);
        System.out.printf(Locale.ROOT, "Cold start: JVM launch to the first 200 of a chat completion, each target in a"
                + " fresh JVM (median of %d interleaved runs):%n", emulator.count());
        for (Map.Entry<String, Stats> target : times.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-14s %8.0f ms  (min %4.0f, max %4.0f)%n", target.getKey(),
                    target.getValue().medianMillis(), target.getValue().percentileMillis(0),
                    target.getValue().percentileMillis(100));
        }
        System.out.printf(Locale.ROOT, "  aigw-emulator: vs bare Undertow %.2f (goal <= 1.30), vs WireMock %.2f%n%n",
                emulator.medianMillis() / undertow.medianMillis(), emulator.medianMillis() / wiremock.medianMillis());
    }

    /**
     * Tells whether this JVM runs with {@link #JVM_OPTIONS}. A heap that grows during a run makes the kernel
     * zero each newly touched page: with every log kept, that cost the emulator's I/O thread 8 µs a request
     * (24.5 against 16.3) and a third of its throughput, for reasons that have nothing to do with any target.
     */
    private static boolean inFixedHeap() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().containsAll(JVM_OPTIONS);
    }

    private static int relaunchInFixedHeap(String[] args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static double rate(List<ThroughputBench.Target> targets, String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().requestsPerSecond();
    }

    private static void run(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.out.printf(Locale.ROOT, "aigw-emulator benchmarks (%d cores, Java %s, %s)%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                String.join(" ", JVM_OPTIONS));

        boolean throughputOnly = List.of(args).contains("--throughput");
        boolean startupOnly = List.of(args).contains("--startup");
        boolean coldStartOnly = List.of(args).contains("--cold-start");
        if (List.of(args).contains("--soak")) {
            SoakBench.print(new SoakBench().run(quick ? 100_000 : 1_000_000));
            return;
        }
        if (coldStartOnly) {
            coldStart(quick);
            return;
        }
        if (!throughputOnly) {
            for (boolean jdk : new boolean[] {false, true}) {
                StartupBench.Result startup = new StartupBench(jdk).run(quick ? 2 : 50, quick ? 5 : 50);
                System.out.printf(Locale.ROOT, "Start to first 200 (median of %d), first request %s:%n",
                        startup.emulator().count(), jdk ? "through the JDK HttpClient" : "on a plain socket");
                System.out.printf(Locale.ROOT, "  aigw-emulator %8.2f ms%n  WireMock      %8.2f ms%n  ratio %.3f (goal <= 0.333)%n%n",
                        startup.emulator().medianMillis(), startup.wiremock().medianMillis(), startup.ratio());
            }
            if (startupOnly) {
                return;
            }
            coldStart(quick);
        }

        int concurrency = 8;
        // The emulator's longer code path is still being compiled after 3 s; 10 s reaches steady state for every target.
        Duration warmup = Duration.ofSeconds(quick ? 1 : 10);
        Duration measure = Duration.ofSeconds(quick ? 1 : 5);
        throughput("the bench's keep-alive load generator", ThroughputBench.raw(concurrency), concurrency,
                warmup, measure);
        if (throughputOnly) {
            return;
        }
        throughput("JDK HttpClient", ThroughputBench.jdk(concurrency), concurrency, warmup, measure);

        Stats retry = new RetryScenarioBench().run(quick ? 5 : 20, quick ? 20 : 200);
        System.out.printf(Locale.ROOT, "5-attempt exponential backoff, 5 s base (75 s virtual), real time over HTTP,"
                + " %d runs:%n  median %.2f ms  p99 %.2f ms (goal: median < 50 ms)%n",
                retry.count(), retry.medianMillis(), retry.percentileMillis(99));

        System.out.println();
        LogHeapBench.print(new LogHeapBench().run(quick ? 2_000 : 10_000));
    }
}
