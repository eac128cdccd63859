package dev.aigw.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockControl;
import dev.aigw.emulator.Emulator;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every position JUnit resolves parameters in receives the class's emulator, its clock and provider scripts. The step
 * queued in {@code @BeforeEach} is used by one test only, so leftovers are allowed here.
 */
@Timeout(30)
@AiGatewayTest(failOnLeftoverScripts = false)
class ParameterInjectionTest {

    private static AiGatewayEmulator fromBeforeAll;

    private final AiGatewayEmulator fromConstructor;
    private final VirtualClock clockFromConstructor;
    private AiGatewayEmulator fromBeforeEach;

    ParameterInjectionTest(AiGatewayEmulator emulator, VirtualClock clock) {
        this.fromConstructor = emulator;
        this.clockFromConstructor = clock;
    }

    @BeforeAll
    static void beforeAll(AiGatewayEmulator emulator, EmulatorClock clock) {
        assertThat(emulator.emulatorClock()).isSameAs(clock);
        fromBeforeAll = emulator;
    }

    @BeforeEach
    void beforeEach(AiGatewayEmulator emulator, @Provider("openai") ProviderScript openai) {
        fromBeforeEach = emulator;
        openai.enqueue(UpstreamResponse.status(503));
    }

    @Test
    void theConstructorLifecycleMethodsAndTheTestGetTheSameEmulator(AiGatewayEmulator emulator, VirtualClock clock,
                                                                   EmulatorClock emulatorClock) {
        assertThat(emulator).isSameAs(fromBeforeAll).isSameAs(fromConstructor).isSameAs(fromBeforeEach);
        assertThat(clock).isSameAs(clockFromConstructor).isSameAs(emulatorClock).isSameAs(emulator.clock());
    }

    @Test
    void theEmulatorInterfaceAndTheClockControlAreTheSameEmulatorAndClock(Emulator asInterface, ClockControl control,
                                                                          AiGatewayEmulator emulator,
                                                                          VirtualClock clock) {
        assertThat(asInterface).isSameAs(emulator);
        assertThat(control).isSameAs(clock).isSameAs(emulator.clock());
    }

    @Test
    void aProviderParameterIsThatProvidersScriptQueuedAfterTheReset(AiGatewayEmulator emulator,
                                                                    @Provider("openai") ProviderScript openai,
                                                                    @Provider("anthropic") ProviderScript anthropic) {
        assertThat(openai.pending()).as("queued in @BeforeEach, after the reset").isEqualTo(1);
        assertThat(anthropic.pending()).isZero();
        emulator.createGateway("gw");

        assertThat(Traffic.chat(emulator, "gw").statusCode()).isEqualTo(503);
        assertThat(Traffic.chat(emulator, "gw").statusCode()).isEqualTo(200);
    }

    @AfterEach
    void afterEach(AiGatewayEmulator emulator, VirtualClock clock) {
        assertThat(emulator).isSameAs(fromConstructor);
        assertThat(clock).isSameAs(clockFromConstructor);
    }

    @AfterAll
    static void afterAll(AiGatewayEmulator emulator) {
        assertThat(emulator).isSameAs(fromBeforeAll);
        assertThat(emulator.isRunning()).as("closed only after @AfterAll").isTrue();
    }
}
