package dev.aigw.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.ManagementApiException;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.VirtualClock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Misuse fails fast, with a message that names the mistake and the fix. */
@Timeout(30)
class MisuseTest {

    @Test
    void injectionWithoutTheExtensionGetsJUnitsMessageNamingTheParameter() {
        Throwable failure = Kit.failureOf(Kit.run(WithoutTheExtension.class), "test");

        assertThat(failure).isInstanceOf(ParameterResolutionException.class).hasMessageStartingWith(
                "No ParameterResolver registered for parameter [dev.aigw.emulator.AiGatewayEmulator");
    }

    @Test
    void anInstanceFieldExtensionCannotServeAStaticBeforeAllMethod() {
        Throwable failure = Kit.failureOf(Kit.run(InstanceFieldAndBeforeAll.class), "InstanceFieldAndBeforeAll");

        assertThat(failure).isInstanceOf(ParameterResolutionException.class).hasMessageStartingWith(
                "No ParameterResolver registered for parameter [dev.aigw.emulator.AiGatewayEmulator");
    }

    @Test
    void aVirtualClockParameterOnTheSystemClockSaysWhatToDeclareInstead() {
        Throwable failure = Kit.failureOf(Kit.run(VirtualClockOnTheSystemClock.class), "test");

        assertThat(failure).isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("cannot inject a VirtualClock into the parameter [dev.aigw.emulator.VirtualClock")
                .hasMessageContaining("VirtualClockOnTheSystemClock.test(dev.aigw.emulator.VirtualClock)")
                .hasMessageEndingWith("the emulator runs on the system clock (ClockMode.SYSTEM); declare an"
                        + " EmulatorClock parameter instead, or choose ClockMode.AUTO or ClockMode.MANUAL");
    }

    @Test
    void aProviderScriptParameterWithoutProviderSaysToAnnotateIt() {
        Throwable failure = Kit.failureOf(Kit.run(ScriptWithoutProvider.class), "test");

        assertThat(failure).isInstanceOf(ParameterResolutionException.class)
                .hasMessageStartingWith("cannot tell whose script to inject into the parameter"
                        + " [dev.aigw.emulator.ProviderScript")
                .hasMessageEndingWith("annotate the parameter with the provider, e.g."
                        + " @Provider(\"openai\") ProviderScript openai");
    }

    @Test
    void aProviderScriptParameterOfAnUnknownProviderNamesTheClosestSlug() {
        Throwable failure = Kit.failureOf(Kit.run(ScriptOfATypo.class), "test");

        assertThat(failure).isInstanceOf(ParameterResolutionException.class)
                .hasMessageStartingWith("Failed to resolve parameter [dev.aigw.emulator.ProviderScript")
                .hasMessageContaining(": unknown provider \"opnai\" (did you mean \"openai\"?); known: openai,");
    }

    @Test
    void anEmulatorKeptBeyondItsClassIsClosedAndSaysSo() {
        EngineExecutionResults results = Kit.run(LeaksItsEmulator.class);
        Kit.assertAllSucceeded(results, 1);

        assertThat(LeaksItsEmulator.leaked.isRunning()).isFalse();
        assertThatThrownBy(LeaksItsEmulator.leaked::baseUrl).isInstanceOf(IllegalStateException.class)
                .hasMessage("the emulator is closed; build a new one with AiGatewayEmulator.builder()");
    }

    @Test
    void aRegisteredExtensionAskedForItsEmulatorAfterItsClassSaysItWasClosed() {
        Kit.assertAllSucceeded(Kit.run(RegisteredStatically.class), 1);

        assertThatThrownBy(RegisteredStatically.GATEWAY::emulator).isInstanceOf(IllegalStateException.class)
                .hasMessage("the emulator of this AiGatewayExtension was closed when"
                        + " 'MisuseTest$RegisteredStatically' finished; JUnit starts a new one before the next test"
                        + " that uses the extension, so keep no emulator or URL beyond the tests it served");
    }

    @Test
    void aRegisteredExtensionAskedForItsEmulatorBeforeAnyTestSaysWhereToCallIt() {
        AiGatewayExtension unused = AiGatewayExtension.builder().build();

        assertThatThrownBy(unused::emulator).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("this AiGatewayExtension has not started its emulator yet")
                .hasMessageEndingWith("call emulator() from a test or lifecycle method, not from a field initializer"
                        + " or static block");
    }

    @Test
    void theAnnotationsExtensionPointsToParameters() {
        assertThatThrownBy(new AiGatewayExtension()::emulator).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("declare an AiGatewayEmulator parameter to receive the right one");
    }

    @Test
    void aStaticExtensionRefusesConcurrentTestsAndNamesTheAlternatives() {
        Throwable failure = Kit.failureOf(Kit.run(ParallelMethodsTest.PARALLEL, StaticAndConcurrent.class), "test");

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith(
                        "this AiGatewayExtension holds one emulator for all of 'MisuseTest$StaticAndConcurrent'")
                .hasMessageContaining("'test()' runs concurrently with other tests")
                .hasMessageEndingWith("register the extension on an instance field of a PER_METHOD test class (one"
                        + " emulator per test), use @AiGatewayTest (one emulator per concurrent test), or run the class"
                        + " with @Execution(ExecutionMode.SAME_THREAD)");
    }

    @Test
    void aStaticExtensionInheritedByTwoClassesRunningAtOnceServesOneAndRefusesTheOther() {
        InheritsTheExtension.otherClassDone = new CountDownLatch(1);

        EngineExecutionResults results = Kit.run(Kit.PARALLEL_CLASSES, FirstHeir.class, SecondHeir.class);

        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        assertThat(results.allEvents().failed().stream().map(event -> event.getPayload(
                        TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()))
                .singleElement()
                .isInstanceOf(ExtensionConfigurationException.class)
                .extracting(Throwable::getMessage).asString()
                .startsWith("this AiGatewayExtension already serves 'MisuseTest$")
                .endsWith("give each test class its own extension field instead of inheriting one from a common"
                        + " superclass, or run those classes one after the other");
    }

    @Test
    void aFixedPortCannotServeConcurrentTests() {
        Throwable failure = Kit.failureOf(Kit.run(ParallelMethodsTest.PARALLEL, FixedPortAndConcurrent.class), "test");

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@AiGatewayTest(port = 1) on ")
                .hasMessageEndingWith("fixes the port, but 'test(AiGatewayEmulator)' runs concurrently and gets an"
                        + " emulator of its own, which cannot listen on the same port; use port 0 or run the class"
                        + " with @Execution(ExecutionMode.SAME_THREAD)");
    }

    @Test
    void aStartInstantThatIsNotIsoFailsTheClassWithTheExpectedFormat() {
        Throwable failure = Kit.failureOf(Kit.run(BadStartInstant.class), "BadStartInstant");

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@AiGatewayTest(startAt = \"1 April 2026\") on ")
                .hasMessageEndingWith("is not an ISO-8601 instant such as 2026-04-01T08:00:00Z");
    }

    @Test
    void aStartInstantOnTheSystemClockIsRefused() {
        Throwable failure = Kit.failureOf(Kit.run(StartInstantOnTheSystemClock.class), "StartInstantOnTheSystemClock");

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageEndingWith("a start instant sets a virtual clock's first instant; it does not apply to"
                        + " ClockMode.SYSTEM: remove it or choose ClockMode.AUTO or MANUAL");
        assertThatThrownBy(() -> AiGatewayExtension.builder().clock(ClockMode.SYSTEM)
                .startingAt(Instant.parse("2026-04-01T08:00:00Z")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a start instant sets a virtual clock's first instant");
    }

    @Test
    void aGatewayIdTheApiRefusesFailsTheClassWithTheApisMessage() {
        Throwable failure = Kit.failureOf(Kit.run(BadGatewayId.class), "BadGatewayId");

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@AiGatewayTest on ")
                .hasMessageEndingWith("BadGatewayId: Input Validation Error: id: expected a string of lower-case"
                        + " letters, digits and '_', with single '-' between groups, got \"My Gateway\" (in the gateway"
                        + " declared as \"My Gateway\")");
    }

    @Test
    void theBuilderChecksDeclaredGatewaysAtOnce() {
        assertThatThrownBy(() -> AiGatewayExtension.builder().gateways("gw").gateways("gw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the gateway \"gw\" is declared twice; declare each gateway once");
        assertThatThrownBy(() -> AiGatewayExtension.builder().gateways("-gw"))
                .isInstanceOf(ManagementApiException.class).hasMessageContaining("got \"-gw\"");
    }

    @Test
    void theBuilderChecksPortAndAccountIdAtOnce() {
        assertThatThrownBy(() -> AiGatewayExtension.builder().port(70_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port must be from 0 to 65535, got 70000");
        assertThatThrownBy(() -> AiGatewayExtension.builder().accountId("no spaces"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("account id must be");
    }

    @Fixture
    @AiGatewayTest
    static class ScriptOfATypo {
        @Test
        void test(@Provider("opnai") ProviderScript openai) {
        }
    }

    @Fixture
    @AiGatewayTest(gateways = "My Gateway")
    static class BadGatewayId {
        @Test
        void test() {
        }
    }

    @Fixture
    static class WithoutTheExtension {
        @Test
        void test(AiGatewayEmulator emulator) {
        }
    }

    @Fixture
    static class InstanceFieldAndBeforeAll {
        @RegisterExtension
        final AiGatewayExtension gateway = AiGatewayExtension.builder().build();

        @BeforeAll
        static void beforeAll(AiGatewayEmulator emulator) {
        }

        @Test
        void test() {
        }
    }

    @Fixture
    @AiGatewayTest(clock = ClockMode.SYSTEM)
    static class VirtualClockOnTheSystemClock {
        @Test
        void test(VirtualClock clock) {
        }
    }

    @Fixture
    @AiGatewayTest
    static class ScriptWithoutProvider {
        @Test
        void test(ProviderScript script) {
        }
    }

    @Fixture
    @AiGatewayTest
    static class LeaksItsEmulator {
        static AiGatewayEmulator leaked;

        @Test
        void test(AiGatewayEmulator emulator) {
            leaked = emulator;
        }
    }

    @Fixture
    static class RegisteredStatically {
        @RegisterExtension
        static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder().build();

        @Test
        void test() {
            assertThat(GATEWAY.emulator().isRunning()).isTrue();
        }
    }

    @Fixture
    @Execution(ExecutionMode.CONCURRENT)
    static class StaticAndConcurrent {
        @RegisterExtension
        static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder().build();

        @Test
        void test() {
        }
    }

    abstract static class InheritsTheExtension {
        static CountDownLatch otherClassDone;

        @RegisterExtension
        static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder().build();

        /** Signals the end of a class even when its before-all phase failed, which skips @AfterAll methods. */
        @RegisterExtension
        static final AfterAllCallback DONE = context -> otherClassDone.countDown();

        @Test
        void test() throws InterruptedException {
            assertThat(otherClassDone.await(20, TimeUnit.SECONDS))
                    .as("the other class ran while this one held the emulator").isTrue();
        }
    }

    @Fixture
    static class FirstHeir extends InheritsTheExtension {
    }

    @Fixture
    static class SecondHeir extends InheritsTheExtension {
    }

    @Fixture
    @AiGatewayTest(port = 1)
    @Execution(ExecutionMode.CONCURRENT)
    static class FixedPortAndConcurrent {
        @Test
        void test(AiGatewayEmulator emulator) {
        }
    }

    @Fixture
    @AiGatewayTest(startAt = "1 April 2026")
    static class BadStartInstant {
        @Test
        void test() {
        }
    }

    @Fixture
    @AiGatewayTest(clock = ClockMode.SYSTEM, startAt = "2026-04-01T08:00:00Z")
    static class StartInstantOnTheSystemClock {
        @Test
        void test() {
        }
    }
}
