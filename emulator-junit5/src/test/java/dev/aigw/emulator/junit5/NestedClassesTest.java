package dev.aigw.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.VirtualClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code @Nested} classes share the enclosing class's emulator, reset before each of their tests, unless they carry
 * their own {@code @AiGatewayTest}. Every test starts by asserting a clean emulator and then dirties it, so any
 * order of execution proves the reset.
 */
@Timeout(30)
@AiGatewayTest
class NestedClassesTest {

    private static AiGatewayEmulator enclosing;

    @BeforeAll
    static void rememberTheEnclosingClassesEmulator(AiGatewayEmulator emulator) {
        enclosing = emulator;
    }

    static void startsCleanThenLeavesAGateway(AiGatewayEmulator emulator) {
        assertThat(emulator.gateways()).isEmpty();
        assertThat(emulator.recordedRequests()).isEmpty();
        emulator.createGateway("left-behind");
        assertThat(Traffic.chat(emulator, "left-behind").statusCode()).isEqualTo(200);
    }

    @Test
    void theEnclosingClassesTestStartsClean(AiGatewayEmulator emulator) {
        assertThat(emulator).isSameAs(enclosing);
        startsCleanThenLeavesAGateway(emulator);
    }

    @Nested
    class WithoutItsOwnAnnotation {

        @Test
        void usesTheEnclosingClassesEmulator(AiGatewayEmulator emulator) {
            assertThat(emulator).isSameAs(enclosing);
            assertThat(emulator.isRunning()).isTrue();
            startsCleanThenLeavesAGateway(emulator);
        }

        @Test
        void anotherTestAlsoStartsClean(AiGatewayEmulator emulator) {
            assertThat(emulator).isSameAs(enclosing);
            startsCleanThenLeavesAGateway(emulator);
        }

        @Nested
        class TwoLevelsDown {

            @Test
            void stillUsesTheOutermostAnnotatedClassesEmulator(AiGatewayEmulator emulator) {
                assertThat(emulator).isSameAs(enclosing);
                startsCleanThenLeavesAGateway(emulator);
            }
        }
    }

    @Nested
    @AiGatewayTest(clock = ClockMode.MANUAL)
    class WithItsOwnAnnotation {

        @Test
        void getsAnEmulatorOfItsOwnWithItsOwnOptions(AiGatewayEmulator emulator, VirtualClock clock) {
            assertThat(emulator).isNotSameAs(enclosing);
            assertThat(enclosing.isRunning()).as("the enclosing class's emulator lives on").isTrue();
            assertThat(clock.mode()).isEqualTo(ClockMode.MANUAL);
        }
    }
}
