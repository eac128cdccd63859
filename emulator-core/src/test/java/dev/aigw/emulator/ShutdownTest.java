package dev.aigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.internal.FixedPorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing an emulator frees its threads, even with requests still in flight. */
@Timeout(30)
class ShutdownTest {

    private static List<String> threadsOf(AiGatewayEmulator emulator) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(emulator.threadName())).toList();
    }

    /** Sends a request that a scripted hang parks on the manual clock, and returns once it is parked. */
    private static CompletableFuture<HttpResponse<String>> hangARequest(AiGatewayEmulator emulator, VirtualClock clock)
            throws Exception {
        emulator.createGateway("gw");
        emulator.script("openai").always(UpstreamFault.hang());
        CompletableFuture<HttpResponse<String>> pending = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                        URI.create(emulator.providerUrl("gw", "openai") + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        clock.awaitWaiters(1, java.time.Duration.ofSeconds(10));
        return pending;
    }

    @Test
    void closeEndsEveryServerThreadOfTheEmulator() throws Exception {
        AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__emulator/health"))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(threadsOf(emulator)).isNotEmpty();

        emulator.close();

        assertThat(threadsOf(emulator)).isEmpty();
    }

    @Test
    void closeReleasesARequestHungOnAManualClockAndEndsItsThreads() throws Exception {
        VirtualClock clock = VirtualClock.manual();
        AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
        CompletableFuture<HttpResponse<String>> pending = hangARequest(emulator, clock);

        emulator.close();

        assertThat(threadsOf(emulator)).isEmpty();
        assertThat(clock.waiters()).isZero();
        assertThat(pending).failsWithin(java.time.Duration.ofSeconds(10));
    }

    @Test
    void closeOnAnInterruptedThreadStillEndsEveryThreadAndKeepsTheInterrupt() throws Exception {
        VirtualClock clock = VirtualClock.manual();
        AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).build().start();
        CompletableFuture<HttpResponse<String>> pending = hangARequest(emulator, clock);

        Thread.currentThread().interrupt();
        emulator.close();

        assertThat(Thread.interrupted()).isTrue();
        assertThat(threadsOf(emulator)).isEmpty();
        assertThat(pending).failsWithin(java.time.Duration.ofSeconds(10));
    }

    @Test
    void aStartOnABusyPortFailsWithTheReasonAndLeavesNoThreadsBehind() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            // Opted in: the point is a port another socket holds.
            AiGatewayEmulator emulator =
                    FixedPorts.allow(AiGatewayEmulator.builder().port(busy.getLocalPort())).build();

            assertThatThrownBy(emulator::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("could not start the emulator's server: ")
                    .hasMessageContaining("in use");
            assertThat(threadsOf(emulator)).isEmpty();
            assertThat(emulator.isRunning()).isFalse();
        }
    }

    @Test
    void aStartOnAnUnknownHostFailsWithTheHostsName() {
        AiGatewayEmulator emulator = AiGatewayEmulator.builder().host("no-such-host.invalid").build();

        assertThatThrownBy(emulator::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("could not start the emulator's server: unknown host no-such-host.invalid");
        assertThat(threadsOf(emulator)).isEmpty();
    }
}
