package dev.aigw.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Test classes run in parallel (JUnit's {@code junit.jupiter.execution.parallel.*} parameters), each with its own
 * emulator, gateways, scripts and virtual timeline. A barrier holds every class until all are running, so the
 * classes provably overlap; then each asserts an exact timeline that another class's requests would break.
 */
@Timeout(60)
class ParallelClassesTest {

    static final Set<String> baseUrls = ConcurrentHashMap.newKeySet();
    static CyclicBarrier allRunning;

    @Test
    void threeClassesRunAtTheSameTimeEachAgainstItsOwnEmulator() {
        baseUrls.clear();
        allRunning = new CyclicBarrier(3);

        Kit.assertAllSucceeded(Kit.run(Kit.PARALLEL_CLASSES,
                DeclaredOne.class, DeclaredTwo.class, RegisteredStatically.class), 3);

        assertThat(baseUrls).hasSize(3);
    }

    /** Waits for the other classes, fails {@code failures} times with 1 s linear backoff, and checks the timeline. */
    static void retriesOnItsOwnTimeline(AiGatewayEmulator emulator, VirtualClock clock, ProviderScript openai,
                                        int failures) throws Exception {
        baseUrls.add(emulator.baseUrl());
        allRunning.await(20, TimeUnit.SECONDS);
        Instant start = clock.now();
        emulator.createGateway("shared-name");
        openai.enqueue(UpstreamResponse.status(503), failures);

        assertThat(Traffic.chat(emulator, "shared-name", "cf-aig-max-attempts", "5", "cf-aig-retry-delay", "1000",
                "cf-aig-backoff", "linear").statusCode()).isEqualTo(200);

        long total = 1000L * failures * (failures + 1) / 2;
        assertThat(emulator.recordedRequests()).hasSize(failures + 1);
        assertThat(emulator.lastTimeline().attempts()).hasSize(failures + 1);
        assertThat(emulator.lastTimeline().attempts().get(failures).startOffsetMillis()).isEqualTo(total);
        assertThat(clock.now()).isEqualTo(start.plusMillis(total));
    }

    @Fixture
    @AiGatewayTest
    static class DeclaredOne {
        @Test
        void oneFailure(AiGatewayEmulator emulator, VirtualClock clock, @Provider("openai") ProviderScript openai)
                throws Exception {
            retriesOnItsOwnTimeline(emulator, clock, openai, 1);
        }
    }

    @Fixture
    @AiGatewayTest
    static class DeclaredTwo {
        @Test
        void threeFailures(AiGatewayEmulator emulator, VirtualClock clock, @Provider("openai") ProviderScript openai)
                throws Exception {
            retriesOnItsOwnTimeline(emulator, clock, openai, 3);
        }
    }

    @Fixture
    static class RegisteredStatically {
        @RegisterExtension
        static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder().build();

        @Test
        void fourFailures(VirtualClock clock, @Provider("openai") ProviderScript openai) throws Exception {
            retriesOnItsOwnTimeline(GATEWAY.emulator(), clock, openai, 4);
        }
    }
}
