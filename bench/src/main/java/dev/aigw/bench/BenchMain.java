package dev.aigw.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Runs every benchmark in one JVM and prints the figures with their ratios against the baselines measured in
 * the same run. Options: {@code --quick} for a short smoke run.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int status = 1;
        try {
            run(args);
            status = 0;
        } finally {
            // Client libraries may leave non-daemon threads behind; the run is over either way.
            System.exit(status);
        }
    }

    private static void run(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.out.printf(Locale.ROOT, "aigw-emulator benchmarks (%d cores, Java %s)%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        StartupBench.Result startup = new StartupBench().run(quick ? 2 : 5, quick ? 5 : 20);
        System.out.printf(Locale.ROOT, "Start to first 200 (median of %d):%n", startup.emulator().count());
        System.out.printf(Locale.ROOT, "  aigw-emulator %8.2f ms%n  WireMock      %8.2f ms%n  ratio %.3f (goal <= 0.333)%n%n",
                startup.emulator().medianMillis(), startup.wiremock().medianMillis(), startup.ratio());

        int concurrency = 8;
        ThroughputBench throughput = new ThroughputBench(concurrency,
                Duration.ofSeconds(quick ? 1 : 3), Duration.ofSeconds(quick ? 2 : 10));
        List<ThroughputBench.Target> targets = throughput.run();
        System.out.printf(Locale.ROOT, "Non-streaming chat completion, %d concurrent clients:%n", concurrency);
        for (ThroughputBench.Target t : targets) {
            System.out.printf(Locale.ROOT, "  %-40s %9.0f req/s  p50 %6.3f ms  p99 %6.3f ms%n", t.name(),
                    t.requestsPerSecond(), t.latency().medianMillis(), t.latency().percentileMillis(99));
        }
        if (throughput.errors() > 0) {
            System.out.printf(Locale.ROOT, "  (%d client-side I/O errors retried)%n", throughput.errors());
        }
        double emulator = targets.get(0).requestsPerSecond();
        System.out.printf(Locale.ROOT, "  throughput vs bare Undertow %.2f (goal >= 0.70), vs WireMock %.2f (goal >= 2.0)%n%n",
                emulator / targets.get(1).requestsPerSecond(), emulator / targets.get(2).requestsPerSecond());

        Stats retry = new RetryScenarioBench().run(quick ? 5 : 20, quick ? 20 : 200);
        System.out.printf(Locale.ROOT, "5-attempt exponential backoff, 5 s base (75 s virtual), real time over HTTP,"
                + " %d runs:%n  median %.2f ms  p99 %.2f ms (goal: median < 50 ms)%n",
                retry.count(), retry.medianMillis(), retry.percentileMillis(99));

        System.out.println();
        LogHeapBench.print(new LogHeapBench().run(quick ? 2_000 : 10_000));
    }
}
