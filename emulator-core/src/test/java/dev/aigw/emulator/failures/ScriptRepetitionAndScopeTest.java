package dev.aigw.emulator.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ProviderScript;
import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.UpstreamResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How often scripted behaviours apply, and to whom. */
@Timeout(30)
class ScriptRepetitionAndScopeTest {

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();

    @BeforeEach
    void gateways() {
        emulator.createGateway("gw");
        emulator.createGateway("other");
    }

    @AfterEach
    void close() {
        emulator.close();
    }

    private List<Integer> statuses(int requests, String gateway, String... headers) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(RetryScenariosTest.send(emulator, gateway, headers).statusCode());
        }
        return statuses;
    }

    @Test
    void queuedStepsApplyInOrderThenTheProviderAnswersNormally() {
        emulator.script("openai").enqueue(UpstreamResponse.status(500)).enqueue(UpstreamResponse.status(429), 2);

        assertThat(statuses(4, "gw")).containsExactly(500, 429, 429, 200);
        assertThat(emulator.script("openai").pending()).isZero();
    }

    @Test
    void alwaysKeepsApplyingUntilCleared() {
        ProviderScript openai = emulator.script("openai").always(UpstreamResponse.status(503));
        assertThat(statuses(3, "gw")).containsOnly(503);

        openai.clear();

        assertThat(statuses(1, "gw")).containsExactly(200);
    }

    @Test
    void everyNthAppliesToTheNthMatchingAttemptOnly() {
        emulator.script("openai").everyNth(3, UpstreamResponse.status(502));

        assertThat(statuses(7, "gw")).containsExactly(200, 200, 502, 200, 200, 502, 200);
    }

    @Test
    void aSeededProbabilityGivesTheSameSequenceEveryTime() {
        emulator.script("openai").withProbability(0.5, 42L, UpstreamResponse.status(500));
        List<Integer> first = statuses(20, "gw");
        emulator.reset();
        emulator.createGateway("gw");
        emulator.script("openai").withProbability(0.5, 42L, UpstreamResponse.status(500));

        assertThat(statuses(20, "gw")).isEqualTo(first).contains(200, 500);
    }

    @Test
    void aGatewayScopedScriptLeavesOtherGatewaysAlone() {
        emulator.script("openai").forGateway("other").always(UpstreamResponse.status(503));

        assertThat(statuses(2, "gw")).containsOnly(200);
        assertThat(statuses(2, "other")).containsOnly(503);
    }

    @Test
    void aTestScopedScriptOnlyAppliesToRequestsCarryingThatTestIdWhichIsNotForwarded() {
        emulator.script("openai").forTest("test-a").always(UpstreamResponse.status(500));

        assertThat(statuses(1, "gw", AiGatewayEmulator.TEST_ID_HEADER, "test-b")).containsExactly(200);
        assertThat(statuses(1, "gw")).containsExactly(200);
        assertThat(statuses(1, "gw", AiGatewayEmulator.TEST_ID_HEADER, "test-a")).containsExactly(500);
        assertThat(emulator.recordedRequests()).extracting(RecordedRequest::testId)
                .containsExactly("test-b", null, "test-a");
        assertThat(emulator.recordedRequests()).allSatisfy(r ->
                assertThat(r.headers()).doesNotContainKey(AiGatewayEmulator.TEST_ID_HEADER));
    }

    @Test
    void scriptsOfOneProviderDoNotTouchAnother() {
        emulator.script("anthropic").always(UpstreamResponse.status(529));

        assertThat(statuses(1, "gw")).containsExactly(200);
    }

    @Test
    void resetClearsScriptsTimelinesAndRecordedRequests() {
        emulator.script("openai").always(UpstreamResponse.status(503));
        statuses(1, "gw");

        emulator.reset();

        assertThat(emulator.script("openai").pending()).isZero();
        assertThat(emulator.recordedRequests()).isEmpty();
        assertThat(emulator.timelines()).isEmpty();
        assertThatThrownBy(emulator::takeRequest).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no untaken request");
    }

    @Test
    void misuseOfTheScriptApiFailsFastWithAMessage() {
        assertThatThrownBy(() -> emulator.script("openai").enqueue(UpstreamResponse.status(500), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("times must be >= 1");
        assertThatThrownBy(() -> emulator.script("openai").withProbability(1.5, 1, UpstreamResponse.status(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p must be from 0 to 1");
        assertThatThrownBy(() -> UpstreamResponse.status(700)).isInstanceOf(IllegalArgumentException.class);
    }
}
