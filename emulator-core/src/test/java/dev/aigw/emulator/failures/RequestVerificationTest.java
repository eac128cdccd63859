package dev.aigw.emulator.failures;

import static dev.aigw.emulator.failures.ControlCalls.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.RecordedRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The journal is read as MockWebServer's: taken one by one, waited for, and filtered by provider, gateway and test. */
@Timeout(30)
class RequestVerificationTest {

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

    @Test
    void takeRequestWithATimeoutWaitsForARequestSentFromAnotherThread() throws Exception {
        Thread taker = Thread.currentThread();
        CompletableFuture<Integer> client = CompletableFuture.supplyAsync(() -> {
            awaitParked(taker);
            return RetryScenariosTest.send(emulator, "gw", AiGatewayEmulator.TEST_ID_HEADER, "t1").statusCode();
        });

        RecordedRequest taken = emulator.takeRequest(Duration.ofSeconds(20));

        assertThat(taken.testId()).isEqualTo("t1");
        assertThat(client.get()).isEqualTo(200);
    }

    @Test
    void takeRequestWithATimeoutReturnsAtOnceWhenARequestIsAlreadyRecorded() throws Exception {
        RetryScenariosTest.send(emulator, "gw");

        assertThat(emulator.takeRequest(Duration.ZERO).gatewayId()).isEqualTo("gw");
    }

    @Test
    void takeRequestWithATimeoutThrowsWhenNothingCameInTime() {
        RetryScenariosTest.send(emulator, "gw");
        emulator.takeRequest();

        assertThatThrownBy(() -> emulator.takeRequest(Duration.ofMillis(20))).isInstanceOf(IllegalStateException.class)
                .hasMessage("no untaken request reached an upstream within PT0.02S (real time); recorded so far: 1");
        assertThatThrownBy(() -> emulator.takeRequest(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("realTimeout must not be negative, got PT-0.001S");
    }

    @Test
    void takeRequestWithoutATimeoutStillNeverBlocks() {
        assertThatThrownBy(emulator::takeRequest).isInstanceOf(IllegalStateException.class)
                .hasMessage("no untaken request has reached an upstream; recorded so far: 0");
    }

    @Test
    void recordedRequestsAreFilteredByProviderGatewayAndTestIdInJavaAndOverHttp() {
        RetryScenariosTest.send(emulator, "gw", AiGatewayEmulator.TEST_ID_HEADER, "t1");
        RetryScenariosTest.send(emulator, "other", AiGatewayEmulator.TEST_ID_HEADER, "t1");
        RetryScenariosTest.send(emulator, "gw", AiGatewayEmulator.TEST_ID_HEADER, "t2");
        RetryScenariosTest.send(emulator, "gw");

        assertThat(emulator.recordedRequests("openai", "gw", "t1")).extracting(RecordedRequest::gatewayId,
                RecordedRequest::testId).containsExactly(Tuple.tuple("gw", "t1"));
        assertThat(emulator.recordedRequests(null, null, "t1")).extracting(RecordedRequest::gatewayId)
                .containsExactly("gw", "other");
        assertThat(emulator.recordedRequests(null, "gw", null)).extracting(RecordedRequest::testId)
                .containsExactly("t1", "t2", null);
        assertThat(emulator.recordedRequests("anthropic", null, null)).isEmpty();
        assertThat(emulator.recordedRequests(null, null, null)).hasSize(4);
        assertThat(call(emulator, "GET", "/requests?provider=openai&gateway_id=gw&test_id=t1", null).json()
                .get("requests")).hasSize(1);
        assertThat(call(emulator, "GET", "/requests?gateway_id=gw", null).json().get("requests")).hasSize(3);
    }

    /** Waits until {@code thread} is parked (in a timed wait), for at most ten seconds. */
    private static void awaitParked(Thread thread) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " never waited; it is " + thread.getState());
            }
            Thread.onSpinWait();
        }
    }
}
