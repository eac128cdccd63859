package dev.aigw.bench;

import dev.aigw.emulator.AiGatewayEmulator;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * A soak: a million proxied chat completions through the fake OpenAI provider, from the load generator's 8
 * keep-alive clients, to a gateway that keeps its newest 10,000 logs, as a long-running gateway does. Every answer
 * must be a 200 (the load generator stops at the first other status). Reports the heap held after GC once the
 * first 20,000 requests have warmed the emulator up and again at the end, and the emulator's live threads then:
 * a leak shows as a heap or a thread count that grows with the requests.
 */
final class SoakBench {

    record Result(long requests, long seconds, long heapStart, long heapEnd, int threadsStart, int threadsEnd) {
    }

    Result run(long requests) throws Exception {
        int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().ioThreads(ioThreads).build().start()) {
            ThroughputBench.createGateway(emulator, "soak", ThroughputBench.LOG_CAP);
            URI url = URI.create(emulator.providerUrl("soak", "openai") + "/chat/completions");
            ThroughputBench.Client client = ThroughputBench.raw(8);
            long sent = 0;
            while (sent < 20_000) {
                sent += client.load(url, Duration.ofSeconds(1)).length;
            }
            long heapStart = LogHeapBench.usedHeapAfterGc();
            int threadsStart = Thread.activeCount();
            long started = System.nanoTime();
            while (sent < requests) {
                sent += client.load(url, Duration.ofSeconds(5)).length;
            }
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            return new Result(sent, seconds, heapStart, LogHeapBench.usedHeapAfterGc(), threadsStart,
                    Thread.activeCount());
        }
    }

    static void print(Result r) {
        System.out.printf(Locale.ROOT, "Soak: %,d proxied chat completions, every one a 200, in %d s after warm-up;"
                        + " newest 10,000 logs kept:%n  heap after GC %.1f MB at the start, %.1f MB at the end;"
                        + " live threads %d at the start, %d at the end%n", r.requests(), r.seconds(),
                r.heapStart() / 1e6, r.heapEnd() / 1e6, r.threadsStart(), r.threadsEnd());
    }
}
