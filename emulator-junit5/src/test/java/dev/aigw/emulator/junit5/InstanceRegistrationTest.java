package dev.aigw.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The programmatic entry point on an instance field: one emulator per test instance, as with WireMock. */
@Timeout(30)
class InstanceRegistrationTest {

    @RegisterExtension
    final AiGatewayExtension gateway = AiGatewayExtension.builder().build();

    @Test
    void theFieldsEmulatorIsTheInjectedOne(AiGatewayEmulator emulator) {
        assertThat(gateway.emulator()).isSameAs(emulator);
        assertThat(emulator.isRunning()).isTrue();
    }

    @Test
    void withTheDefaultLifecycleEachTestGetsItsOwnEmulatorClosedAfterIt() {
        PerMethodInstances.seen.clear();

        Kit.assertAllSucceeded(Kit.run(PerMethodInstances.class), 2);

        assertThat(PerMethodInstances.seen).hasSize(2).doesNotHaveDuplicates()
                .noneMatch(AiGatewayEmulator::isRunning);
    }

    @Test
    void withAPerClassLifecycleTheTestsShareOneEmulatorClosedAfterTheClass() {
        PerClassInstance.seen.clear();

        Kit.assertAllSucceeded(Kit.run(PerClassInstance.class), 2);

        assertThat(PerClassInstance.seen).hasSize(2);
        assertThat(PerClassInstance.seen.get(0)).isSameAs(PerClassInstance.seen.get(1));
        assertThat(PerClassInstance.seen.get(0).isRunning()).isFalse();
    }

    @Fixture
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerMethodInstances {
        static final List<AiGatewayEmulator> seen = new ArrayList<>();

        @RegisterExtension
        final AiGatewayExtension gateway = AiGatewayExtension.builder().build();

        @Test
        @Order(1)
        void first() {
            seen.add(gateway.emulator());
        }

        @Test
        @Order(2)
        void secondFindsTheFirstClosed() {
            assertThat(seen.get(0).isRunning()).as("closed with the first test").isFalse();
            seen.add(gateway.emulator());
        }
    }

    @Fixture
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstance {
        static final List<AiGatewayEmulator> seen = new ArrayList<>();

        @RegisterExtension
        final AiGatewayExtension gateway = AiGatewayExtension.builder().build();

        @Test
        void first(AiGatewayEmulator emulator) {
            seen.add(emulator);
        }

        @Test
        void second(AiGatewayEmulator emulator) {
            seen.add(emulator);
        }
    }
}
