package dev.aigw.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The programmatic entry point on a static field: one emulator for the class, every emulator option reachable. */
@Timeout(30)
class StaticRegistrationTest {

    @RegisterExtension
    static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder()
            .accountId("0000000000000000000000000000cafe")
            .startingAt(Instant.parse("2026-05-01T00:00:00Z"))
            .gateways("gw")
            .configure(emulator -> emulator.maxBodyBytes(1024).gateway("cached",
                    GatewaySettings.builder().cacheTtl(Duration.ofMinutes(5)).build()))
            .build();

    @Test
    void theExtensionAndTheInjectedParameterAreTheSameEmulator(AiGatewayEmulator emulator) {
        assertThat(GATEWAY.emulator()).isSameAs(emulator);
        assertThat(emulator.isRunning()).isTrue();
    }

    @Test
    void theBuildersOptionsAndTheEmulatorBuildersOptionsApply(VirtualClock clock) {
        AiGatewayEmulator emulator = GATEWAY.emulator();

        String large = "{\"model\":\"gpt-4o-mini\",\"padding\":\"" + "x".repeat(2000) + "\"}";

        assertThat(emulator.accountId()).isEqualTo("0000000000000000000000000000cafe");
        assertThat(clock.now()).isAfterOrEqualTo(Instant.parse("2026-05-01T00:00:00Z"));
        assertThat(Traffic.post(emulator.providerUrl("gw", "openai") + "/chat/completions", large).statusCode())
                .as("maxBodyBytes(1024) from configure(..)").isEqualTo(413);
        assertThat(emulator.gateway("cached").orElseThrow().settings().cacheTtl())
                .as("a gateway declared in configure(..)").isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void oneEmulatorServesEveryTestOfTheClassAndJUnitClosesItAfterTheClass() {
        OneEmulatorPerClass.seen.clear();

        EngineExecutionResults results = Kit.run(OneEmulatorPerClass.class);

        Kit.assertAllSucceeded(results, 2);
        assertThat(OneEmulatorPerClass.seen).hasSize(2);
        assertThat(OneEmulatorPerClass.seen.get(0)).isSameAs(OneEmulatorPerClass.seen.get(1));
        assertThat(OneEmulatorPerClass.seen.get(0).isRunning()).isFalse();
    }

    @Test
    void theSameFieldStartsANewEmulatorWhenItsClassRunsAgain() {
        OneEmulatorPerClass.seen.clear();

        Kit.assertAllSucceeded(Kit.run(OneEmulatorPerClass.class), 2);
        Kit.assertAllSucceeded(Kit.run(OneEmulatorPerClass.class), 2);

        assertThat(OneEmulatorPerClass.seen).hasSize(4);
        assertThat(OneEmulatorPerClass.seen.get(2)).isNotSameAs(OneEmulatorPerClass.seen.get(0));
    }

    @Fixture
    static class OneEmulatorPerClass {
        static final List<AiGatewayEmulator> seen = new ArrayList<>();

        @RegisterExtension
        static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder().build();

        @Test
        void first() {
            seen.add(GATEWAY.emulator());
        }

        @Test
        void second() {
            seen.add(GATEWAY.emulator());
        }
    }
}
