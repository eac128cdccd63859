package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.junit5.AiGatewayTest;
import dev.aigw.emulator.junit5.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

class LeftoverScriptsTest {

    /** A test that forgets to send the request its script was meant for; run only by the test below. */
    @AiGatewayTest
    @EnabledIfSystemProperty(named = "run.fixtures", matches = "true")
    static class ForgetfulTest {
        @Test
        void scriptsAnOutageButNeverCallsTheModel(AiGatewayEmulator emulator, @Provider("openai") ProviderScript openai) {
            emulator.createGateway("my-gateway");
            openai.enqueue(UpstreamResponse.status(503), 2);
        }
    }

    @Test
    void aTestThatLeavesScriptedResponsesUnusedFails() {
        System.setProperty("run.fixtures", "true");
        try {
            Event failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ForgetfulTest.class)).execute()
                    .testEvents().failed().list().get(0);

            assertThat(failed.getPayload(TestExecutionResult.class).orElseThrow()
                    .getThrowable().orElseThrow())
                    .hasMessageStartingWith("2 scripted responses were never used:\n  openai: {\"status\":503,\"times\":2}");
        } finally {
            System.clearProperty("run.fixtures");
        }
    }

    @Test
    void withoutTheExtensionTheSameCheckIsOneCall() {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().gateway("my-gateway").build().start()) {
            emulator.script("openai").enqueue(UpstreamResponse.status(429));

            assertThatThrownBy(emulator::verifyNoLeftoverScripts)
                    .hasMessageStartingWith("1 scripted response was never used");
        }
    }
}
