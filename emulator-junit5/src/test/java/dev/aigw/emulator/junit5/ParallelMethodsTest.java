package dev.aigw.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Test methods of one class run concurrently ({@code @Execution(CONCURRENT)}): with {@code @AiGatewayTest} each
 * such test gets an emulator (and a virtual clock) of its own, injected into its constructor, its
 * {@code @BeforeEach} and itself; with an instance-field extension each test instance has its own anyway.
 */
@Timeout(60)
class ParallelMethodsTest {

    static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    static final Set<AiGatewayEmulator> seen = ConcurrentHashMap.newKeySet();
    static CyclicBarrier allRunning;

    @Test
    void withTheAnnotationEachConcurrentTestGetsItsOwnEmulator() {
        seen.clear();
        allRunning = new CyclicBarrier(3);

        Kit.assertAllSucceeded(Kit.run(PARALLEL, Declared.class), 3);

        assertThat(seen).hasSize(3).doesNotContain(Declared.classEmulator).noneMatch(AiGatewayEmulator::isRunning);
    }

    @Test
    void withAnInstanceFieldEachConcurrentTestHasItsOwnEmulator() {
        seen.clear();
        allRunning = new CyclicBarrier(3);

        Kit.assertAllSucceeded(Kit.run(PARALLEL, RegisteredPerInstance.class), 3);

        assertThat(seen).hasSize(3).noneMatch(AiGatewayEmulator::isRunning);
    }

    @Test
    void withParallelExecutionOffAConcurrentClassSharesOneEmulatorResetBeforeEachTest() {
        seen.clear();

        Kit.assertAllSucceeded(Kit.run(ConcurrentButParallelismOff.class), 2);

        assertThat(seen).hasSize(1).noneMatch(AiGatewayEmulator::isRunning);
    }

    /** Waits for the other tests, then retries {@code failures} times with a 1 s constant delay on its own clock. */
    static void retriesOnItsOwnTimeline(AiGatewayEmulator emulator, ProviderScript openai, int failures)
            throws Exception {
        seen.add(emulator);
        allRunning.await(20, TimeUnit.SECONDS);
        emulator.createGateway("gw");
        openai.enqueue(UpstreamResponse.status(500), failures);

        assertThat(Traffic.chat(emulator, "gw", "cf-aig-max-attempts", "5", "cf-aig-retry-delay", "1000")
                .statusCode()).isEqualTo(200);

        assertThat(emulator.recordedRequests()).hasSize(failures + 1);
        assertThat(emulator.lastTimeline().delaysMillis()).hasSize(failures).containsOnly(1000L);
        assertThat(((VirtualClock) emulator.clock()).now()).isEqualTo(VirtualClock.DEFAULT_START.plusSeconds(failures));
    }

    @Fixture
    @AiGatewayTest
    @Execution(ExecutionMode.CONCURRENT)
    static class Declared {
        static AiGatewayEmulator classEmulator;

        private final AiGatewayEmulator fromConstructor;
        private AiGatewayEmulator fromBeforeEach;

        Declared(AiGatewayEmulator emulator) {
            this.fromConstructor = emulator;
        }

        @BeforeAll
        static void beforeAll(AiGatewayEmulator emulator) {
            classEmulator = emulator;
        }

        @BeforeEach
        void beforeEach(AiGatewayEmulator emulator) {
            fromBeforeEach = emulator;
        }

        private void check(AiGatewayEmulator emulator) {
            assertThat(emulator).isSameAs(fromConstructor).isSameAs(fromBeforeEach).isNotSameAs(classEmulator);
        }

        @Test
        void one(AiGatewayEmulator emulator, @Provider("openai") ProviderScript openai) throws Exception {
            check(emulator);
            retriesOnItsOwnTimeline(emulator, openai, 1);
        }

        @Test
        void two(AiGatewayEmulator emulator, @Provider("openai") ProviderScript openai) throws Exception {
            check(emulator);
            retriesOnItsOwnTimeline(emulator, openai, 2);
        }

        @Test
        void four(AiGatewayEmulator emulator, @Provider("openai") ProviderScript openai) throws Exception {
            check(emulator);
            retriesOnItsOwnTimeline(emulator, openai, 4);
        }
    }

    @Fixture
    @Execution(ExecutionMode.CONCURRENT)
    static class ConcurrentButParallelismOff {
        @RegisterExtension
        static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder().build();

        private static void startsCleanThenLeavesAGateway(AiGatewayEmulator emulator) {
            seen.add(emulator);
            assertThat(emulator.gateways()).isEmpty();
            emulator.createGateway("gw");
        }

        @Test
        void one() {
            startsCleanThenLeavesAGateway(GATEWAY.emulator());
        }

        @Test
        void two() {
            startsCleanThenLeavesAGateway(GATEWAY.emulator());
        }
    }

    @Fixture
    @Execution(ExecutionMode.CONCURRENT)
    static class RegisteredPerInstance {
        @RegisterExtension
        final AiGatewayExtension gateway = AiGatewayExtension.builder().build();

        @Test
        void one(@Provider("openai") ProviderScript openai) throws Exception {
            retriesOnItsOwnTimeline(gateway.emulator(), openai, 1);
        }

        @Test
        void two(@Provider("openai") ProviderScript openai) throws Exception {
            retriesOnItsOwnTimeline(gateway.emulator(), openai, 2);
        }

        @Test
        void four(@Provider("openai") ProviderScript openai) throws Exception {
            retriesOnItsOwnTimeline(gateway.emulator(), openai, 4);
        }
    }
}
