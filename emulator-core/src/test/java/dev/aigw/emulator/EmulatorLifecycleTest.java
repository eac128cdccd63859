package dev.aigw.emulator;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertNotFound;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.internal.FixedPorts;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java API's life cycle: instances share nothing, {@code start()} and {@code close()} are idempotent,
 * {@code close()} frees the port, misuse fails fast with a hint, {@code reset()} empties state but keeps
 * credentials.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EmulatorLifecycleTest {

    private final List<AiGatewayEmulator> started = new ArrayList<>();

    @AfterEach
    void closeAll() {
        started.forEach(AiGatewayEmulator::close);
    }

    private AiGatewayEmulator start(AiGatewayEmulator.Builder builder) {
        AiGatewayEmulator emulator = builder.build();
        started.add(emulator);
        return emulator.start();
    }

    @Test
    void twoEmulatorsInOneJvmDoNotSeeEachOthersGateways() {
        AiGatewayEmulator first = start(AiGatewayEmulator.builder());
        AiGatewayEmulator second = start(AiGatewayEmulator.builder());
        ManagementApi firstApi = ManagementApi.of(first);
        ManagementApi secondApi = ManagementApi.of(second);

        first.createGateway("only-in-first");
        second.createGateway("only-in-second");

        assertThat(first.port()).isNotEqualTo(second.port());
        assertThat(first.accountId()).isEqualTo(second.accountId());
        assertThat(firstApi.gatewayIds()).containsExactly("only-in-first");
        assertThat(secondApi.gatewayIds()).containsExactly("only-in-second");
        assertNotFound(secondApi.get("/gateways/only-in-first"));
    }

    @Test
    void closingOneEmulatorLeavesTheOtherServing() {
        AiGatewayEmulator first = start(AiGatewayEmulator.builder());
        AiGatewayEmulator second = start(AiGatewayEmulator.builder());

        first.close();

        assertOk(ManagementApi.of(second).get("/gateways"));
        assertThat(second.isRunning()).isTrue();
    }

    @Test
    void closeFreesThePortForAServerSocketRightAway() throws IOException {
        AiGatewayEmulator emulator = start(AiGatewayEmulator.builder());
        ManagementApi.of(emulator).over(ManagementApi.newHttpClient()).createGateway(GatewayBodies.minimal("busy"));
        int port = emulator.port();

        emulator.close();

        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void closeFreesThePortForANewEmulatorRightAway() {
        AiGatewayEmulator first = start(AiGatewayEmulator.builder());
        ManagementApi.of(first).over(ManagementApi.newHttpClient()).createGateway(GatewayBodies.minimal("old"));
        int port = first.port();

        first.close();
        // Opted in: the point is to bind the very port the first one freed.
        AiGatewayEmulator second = start(FixedPorts.allow(AiGatewayEmulator.builder().port(port)));

        assertThat(second.port()).isEqualTo(port);
        assertThat(ManagementApi.of(second).over(ManagementApi.newHttpClient()).gatewayIds()).isEmpty();
    }

    @Test
    void startOnAPortInUseFailsAndCanBeRetriedOnceThePortIsFree() throws IOException {
        AiGatewayEmulator emulator;
        int port;
        try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            port = squatter.getLocalPort();
            emulator = FixedPorts.allow(AiGatewayEmulator.builder().port(port)).build();
            started.add(emulator);

            assertThatThrownBy(emulator::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Address already in use");
            assertThat(emulator.isRunning()).isFalse();
            assertThatThrownBy(emulator::baseUrl).hasMessageContaining("call start() first");
        }

        emulator.start();

        assertThat(emulator.port()).isEqualTo(port);
        assertOk(ManagementApi.of(emulator).over(ManagementApi.newHttpClient()).get("/gateways"));
    }

    @Test
    void closedEmulatorRefusesConnections() {
        AiGatewayEmulator emulator = start(AiGatewayEmulator.builder());
        URI gateways = URI.create(emulator.managementUrl() + "/accounts/" + emulator.accountId()
                + "/ai-gateway/gateways");

        emulator.close();

        HttpClient client = ManagementApi.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(gateways).timeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> client.send(request, BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void closeTwiceIsHarmless() {
        AiGatewayEmulator emulator = start(AiGatewayEmulator.builder());

        emulator.close();
        emulator.close();

        assertThat(emulator.isRunning()).isFalse();
    }

    @Test
    void closeBeforeStartIsHarmlessAndStartAfterwardsIsRefused() {
        AiGatewayEmulator emulator = AiGatewayEmulator.builder().build();

        emulator.close();

        assertThatThrownBy(emulator::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed")
                .hasMessageContaining("AiGatewayEmulator.builder()");
    }

    @Test
    void startTwiceReturnsTheSameRunningEmulator() {
        AiGatewayEmulator emulator = start(AiGatewayEmulator.builder());
        String baseUrl = emulator.baseUrl();

        AiGatewayEmulator again = emulator.start();

        assertThat(again).isSameAs(emulator);
        assertThat(again.baseUrl()).isEqualTo(baseUrl);
        assertThat(again.isRunning()).isTrue();
        assertOk(ManagementApi.of(again).get("/gateways"));
    }

    @Test
    void startAfterCloseIsRefusedWithAHint() {
        AiGatewayEmulator emulator = start(AiGatewayEmulator.builder());
        emulator.close();

        assertThatThrownBy(emulator::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed")
                .hasMessageContaining("AiGatewayEmulator.builder()");
    }

    @Test
    void urlsBeforeStartThrowSayingToCallStart() {
        AiGatewayEmulator emulator = AiGatewayEmulator.builder().build();
        started.add(emulator);

        assertThat(emulator.isRunning()).isFalse();
        assertThatThrownBy(emulator::baseUrl)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call start() first");
        assertThatThrownBy(emulator::managementUrl)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call start() first");
        assertThatThrownBy(emulator::port)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call start() first");
    }

    @Test
    void urlsAfterCloseThrowSayingToBuildANewEmulator() {
        AiGatewayEmulator emulator = start(AiGatewayEmulator.builder());
        emulator.close();

        assertThatThrownBy(emulator::baseUrl)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed")
                .hasMessageContaining("AiGatewayEmulator.builder()");
        assertThatThrownBy(emulator::managementUrl)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void resetEmptiesTheGatewaysOfEveryAccountWhileTokensStillWork() {
        String otherAccount = "fedcba9876543210fedcba9876543210";
        AiGatewayEmulator emulator = start(AiGatewayEmulator.builder()
                .account(otherAccount)
                .token(new ApiToken("custom-token", java.util.Set.of(ApiToken.ANY_ACCOUNT),
                        java.util.Set.of(Permission.READ, Permission.EDIT))));
        ManagementApi api = ManagementApi.of(emulator);
        api.createGateway(GatewayBodies.minimal("first"));
        api.forAccount(otherAccount).createGateway(GatewayBodies.minimal("elsewhere"));

        emulator.reset();

        assertThat(emulator.apiToken()).isEqualTo("custom-token");
        assertThat(api.gatewayIds()).isEmpty();
        assertThat(api.forAccount(otherAccount).gatewayIds()).isEmpty();
        assertNotFound(api.get("/gateways/first"));
        api.createGateway(GatewayBodies.minimal("first"));
        assertThat(api.gatewayIds()).containsExactly("first");
    }

    @Test
    void resetKeepsTheEmulatorOnItsPort() {
        AiGatewayEmulator emulator = start(AiGatewayEmulator.builder());
        String baseUrl = emulator.baseUrl();

        emulator.reset();

        assertThat(emulator.isRunning()).isTrue();
        assertThat(emulator.baseUrl()).isEqualTo(baseUrl);
    }
}
