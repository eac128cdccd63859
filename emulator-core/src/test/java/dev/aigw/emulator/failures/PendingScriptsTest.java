package dev.aigw.emulator.failures;

import static dev.aigw.emulator.failures.ControlCalls.call;
import static dev.aigw.emulator.testsupport.ApiAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.PendingScript;
import dev.aigw.emulator.UpstreamFault;
import dev.aigw.emulator.UpstreamResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What is still queued is listed by provider, gateway and test id, counting responses; steps never used are
 * leftovers that fail a verification, steps meant to repeat never are.
 */
@Timeout(30)
class PendingScriptsTest {

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();

    @BeforeEach
    void gateway() {
        emulator.createGateway("gw");
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void pendingCountsResponsesNotStepsInJavaAndOverHttp() {
        assertThat(call(emulator, "POST", "/scripts/openai", "{\"steps\":[{\"status\":503,\"times\":4}]}").json())
                .isEqualTo(json("{\"provider\":\"openai\",\"pending\":4,\"repeating\":0}"));
        emulator.script("openai").enqueue(UpstreamResponse.status(429), 2).always(UpstreamResponse.status(500));

        RetryScenariosTest.send(emulator, "gw");

        assertThat(emulator.script("openai").pending()).isEqualTo(5);
        assertThat(call(emulator, "DELETE", "/scripts/openai?test_id=t1", null).json())
                .isEqualTo(json("{\"provider\":\"openai\",\"pending\":0,\"repeating\":0}"));
        assertThat(call(emulator, "POST", "/scripts/openai", "{\"steps\":[{\"fault\":\"hang\"}]}").json())
                .isEqualTo(json("{\"provider\":\"openai\",\"pending\":6,\"repeating\":1}"));
    }

    @Test
    void theListingShowsEachQueuedStepWithItsScopeWhatIsLeftAndWhetherItRepeats() {
        emulator.script("openai").enqueue(UpstreamResponse.status(503), 4);
        emulator.script("anthropic").forGateway("prod").always(UpstreamResponse.builder().status(529)
                .header("retry-after", "2").latency(Duration.ofMillis(300)).build());
        emulator.script("openai").forTest("t1").everyNth(3, UpstreamFault.brokenStream(2));
        emulator.script("openai").forGateway("gw").forTest("t1").withProbability(0.25, 42L, UpstreamFault.hang());
        RetryScenariosTest.send(emulator, "gw");

        assertThat(call(emulator, "GET", "/scripts", null).json()).isEqualTo(json("""
                {"pending": 3, "scripts": [
                  {"provider": "openai", "gateway_id": null, "test_id": null, "pending": 3, "repeats": false,
                   "step": {"status": 503, "times": 3}},
                  {"provider": "anthropic", "gateway_id": "prod", "test_id": null, "pending": 0, "repeats": true,
                   "step": {"status": 529, "headers": {"retry-after": "2"}, "latency_ms": 300, "times": "always"}},
                  {"provider": "openai", "gateway_id": null, "test_id": "t1", "pending": 0, "repeats": true,
                   "step": {"fault": "broken_stream", "after_events": 2, "every_nth": 3}},
                  {"provider": "openai", "gateway_id": "gw", "test_id": "t1", "pending": 0, "repeats": true,
                   "step": {"fault": "hang", "probability": 0.25, "seed": 42}}]}"""));
        assertThat(emulator.pendingScripts()).extracting(PendingScript::toString).containsExactly(
                "openai: {\"status\":503,\"times\":3}",
                "anthropic (gateway \"prod\"): {\"status\":529,\"headers\":{\"retry-after\":\"2\"},\"latency_ms\":300,"
                        + "\"times\":\"always\"}",
                "openai (test \"t1\"): {\"fault\":\"broken_stream\",\"after_events\":2,\"every_nth\":3}",
                "openai (gateway \"gw\", test \"t1\"): {\"fault\":\"hang\",\"probability\":0.25,\"seed\":42}");
        PendingScript first = emulator.pendingScripts().get(0);
        assertThat(first.behavior()).isEqualTo(UpstreamResponse.status(503));
        assertThat(first.remaining()).isEqualTo(3);
        assertThat(first.repeats()).isFalse();
    }

    @Test
    void theListingIsFilteredByProviderGatewayAndTestId() {
        emulator.script("openai").enqueue(UpstreamResponse.status(503), 2);
        emulator.script("openai").forTest("t1").enqueue(UpstreamResponse.status(500));
        emulator.script("anthropic").forGateway("prod").forTest("t1").enqueue(UpstreamResponse.status(529), 3);

        assertThat(call(emulator, "GET", "/scripts?test_id=t1", null).json().get("pending").intValue()).isEqualTo(4);
        assertThat(call(emulator, "GET", "/scripts?provider=openai", null).json().get("pending").intValue())
                .isEqualTo(3);
        assertThat(call(emulator, "GET", "/scripts?provider=anthropic&gateway_id=prod&test_id=t1", null).json()
                .get("scripts")).hasSize(1);
        assertThat(call(emulator, "GET", "/scripts?gateway_id=other", null).json())
                .isEqualTo(json("{\"pending\":0,\"scripts\":[]}"));
    }

    @Test
    void usedAndRepeatingStepsAreNoLeftovers() {
        emulator.script("openai").enqueue(UpstreamResponse.status(503)).always(UpstreamResponse.status(500));
        emulator.script("anthropic").everyNth(2, UpstreamResponse.status(529))
                .withProbability(0.5, 1L, UpstreamResponse.status(500));

        RetryScenariosTest.send(emulator, "gw");

        assertThatCode(emulator::verifyNoLeftoverScripts).doesNotThrowAnyException();
    }

    @Test
    void stepsNeverUsedFailTheVerificationListingThem() {
        emulator.script("openai").enqueue(UpstreamResponse.status(503), 4);
        emulator.script("anthropic").forGateway("prod").forTest("t1").enqueue(UpstreamFault.hang());
        emulator.script("openai").always(UpstreamResponse.status(500));
        RetryScenariosTest.send(emulator, "gw");

        assertThatThrownBy(emulator::verifyNoLeftoverScripts).isExactlyInstanceOf(AssertionError.class).hasMessage("""
                4 scripted responses were never used:
                  openai: {"status":503,"times":3}
                  anthropic (gateway "prod", test "t1"): {"fault":"hang","times":1}
                no attempt came for them: send the requests they were meant for, queue fewer, or clear() the script;\
                 a step meant to stay is queued with always(), everyNth() or withProbability()""");
    }

    @Test
    void aTestIdIsJudgedOnlyOnTheStepsNarrowedToIt() {
        emulator.script("openai").enqueue(UpstreamResponse.status(503));
        emulator.script("openai").forTest("t2").enqueue(UpstreamResponse.status(500), 2);
        emulator.script("openai").forTest("t1").always(UpstreamResponse.status(500));

        assertThatCode(() -> emulator.verifyNoLeftoverScripts("t1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> emulator.verifyNoLeftoverScripts("t2")).hasMessageStartingWith("""
                2 scripted responses were never used for test "t2":
                  openai (test "t2"): {"status":500,"times":2}
                no attempt came""");
    }

    @Test
    void resetLeavesNothingPending() {
        emulator.script("openai").enqueue(UpstreamResponse.status(503), 4);

        emulator.reset();

        assertThat(emulator.pendingScripts()).isEmpty();
        assertThat(call(emulator, "GET", "/scripts", null).json()).isEqualTo(json("{\"pending\":0,\"scripts\":[]}"));
        assertThatCode(emulator::verifyNoLeftoverScripts).doesNotThrowAnyException();
    }
}
