package dev.aigw.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.UpstreamFault;
import dev.aigw.emulator.UpstreamResponse;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A test that ends with scripted responses never used fails, listing them, as WireMock fails a test on unmatched
 * requests; steps meant to repeat never count, each test is judged on its own emulator only, and the check can be
 * turned off on the annotation and on the builder.
 */
@Timeout(60)
class LeftoverScriptsTest {

    private static final String HINT = "to let tests end with unused scripts, use"
            + " @AiGatewayTest(failOnLeftoverScripts = false) or AiGatewayExtension.builder().failOnLeftoverScripts(false)";

    @Test
    void aTestLeavingScriptedResponsesUnusedFailsListingThem() {
        EngineExecutionResults results = Kit.run(Declared.class);

        assertThat(Kit.failureOf(results, "leavesTwoOfThree")).isExactlyInstanceOf(AssertionError.class).hasMessage("""
                3 scripted responses were never used:
                  openai: {"status":503,"times":2}
                  anthropic (gateway "prod"): {"fault":"hang","times":1}
                no attempt came for them: send the requests they were meant for, queue fewer, or clear() the script;\
                 a step meant to stay is queued with always(), everyNth() or withProbability()
                """ + HINT);
        assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
        assertThat(results.testEvents().failed().count()).isEqualTo(2);
    }

    @Test
    void aTestThatAlreadyFailedKeepsItsOwnFailure() {
        Throwable failure = Kit.failureOf(Kit.run(Declared.class), "failsAndLeavesAStep");

        assertThat(failure).hasMessageContaining("the test's own failure").hasNoSuppressedExceptions();
    }

    @Test
    void theAnnotationAttributeTurnsTheCheckOff() {
        Kit.assertAllSucceeded(Kit.run(DeclaredWithoutTheCheck.class), 1);
    }

    @Test
    void aRegisteredExtensionChecksByDefaultAndItsBuilderTurnsTheCheckOff() {
        assertThat(Kit.failureOf(Kit.run(Registered.class), "leavesAStep")).hasMessageStartingWith(
                "1 scripted response was never used:\n  openai: {\"status\":500,\"times\":1}");

        Kit.assertAllSucceeded(Kit.run(RegisteredWithoutTheCheck.class), 1);
    }

    @Test
    void concurrentTestsAreJudgedOnTheirOwnScriptsOnly() {
        Concurrent.allRunning = new CyclicBarrier(2);

        EngineExecutionResults results = Kit.run(ParallelMethodsTest.PARALLEL, Concurrent.class);

        assertThat(Kit.failureOf(results, "leavesItsStep")).hasMessageStartingWith(
                "1 scripted response was never used:\n  openai: {\"status\":429,\"times\":1}");
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    }

    @Fixture
    @AiGatewayTest
    static class Declared {
        @Test
        void leavesTwoOfThree(AiGatewayEmulator emulator, @Provider("openai") ProviderScript openai,
                              @Provider("anthropic") ProviderScript anthropic) {
            emulator.createGateway("gw");
            openai.enqueue(UpstreamResponse.status(503), 3);
            anthropic.forGateway("prod").enqueue(UpstreamFault.hang());
            Traffic.chat(emulator, "gw");
        }

        @Test
        void usesEverything(AiGatewayEmulator emulator, @Provider("openai") ProviderScript openai) {
            emulator.createGateway("gw");
            openai.enqueue(UpstreamResponse.status(503), 2);
            Traffic.chat(emulator, "gw", "cf-aig-max-attempts", "3");
        }

        @Test
        void leavesOnlyStepsThatRepeat(@Provider("openai") ProviderScript openai) {
            openai.always(UpstreamResponse.status(500)).everyNth(2, UpstreamResponse.status(502))
                    .withProbability(0.5, 7L, UpstreamResponse.status(503));
        }

        @Test
        void failsAndLeavesAStep(@Provider("openai") ProviderScript openai) {
            openai.enqueue(UpstreamResponse.status(503));
            throw new AssertionError("the test's own failure");
        }
    }

    @Fixture
    @AiGatewayTest(failOnLeftoverScripts = false)
    static class DeclaredWithoutTheCheck {
        @Test
        void leavesAStep(@Provider("openai") ProviderScript openai) {
            openai.enqueue(UpstreamResponse.status(503));
        }
    }

    @Fixture
    static class Registered {
        @RegisterExtension
        static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder().build();

        @Test
        void leavesAStep() {
            GATEWAY.emulator().script("openai").enqueue(UpstreamResponse.status(500));
        }
    }

    @Fixture
    static class RegisteredWithoutTheCheck {
        @RegisterExtension
        static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder().failOnLeftoverScripts(false).build();

        @Test
        void leavesAStep() {
            GATEWAY.emulator().script("openai").enqueue(UpstreamResponse.status(500));
        }
    }

    @Fixture
    @AiGatewayTest
    @Execution(ExecutionMode.CONCURRENT)
    static class Concurrent {
        static CyclicBarrier allRunning;

        @Test
        void leavesItsStep(@Provider("openai") ProviderScript openai) throws Exception {
            openai.enqueue(UpstreamResponse.status(429));
            allRunning.await(20, TimeUnit.SECONDS);
        }

        @Test
        void usesItsSteps(AiGatewayEmulator emulator, @Provider("openai") ProviderScript openai) throws Exception {
            emulator.createGateway("gw");
            openai.enqueue(UpstreamResponse.status(500), 2);
            allRunning.await(20, TimeUnit.SECONDS);
            assertThat(Traffic.chat(emulator, "gw", "cf-aig-max-attempts", "3").statusCode()).isEqualTo(200);
        }
    }
}
