package dev.aigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.internal.FixedPorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The build's tests never listen on a fixed port by accident: the parent POM's surefire configuration sets
 * {@value FixedPorts#REFUSE_PROPERTY}, and an emulator on a port other than 0 then refuses to start unless its test
 * opted in.
 */
@Timeout(30)
class FixedPortGuardTest {

    @Test
    void theBuildsTestsRunWithFixedPortsRefused() {
        assertThat(Boolean.getBoolean(FixedPorts.REFUSE_PROPERTY)).as(FixedPorts.REFUSE_PROPERTY).isTrue();
    }

    @Test
    void anEmulatorOnAFixedPortRefusesToStartAndSaysWhatToDo() throws IOException {
        AiGatewayEmulator emulator = AiGatewayEmulator.builder().port(freePort()).build();

        assertThatThrownBy(emulator::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("which this test run refuses (aigw.emulator.refuseFixedPorts=true")
                .hasMessageEndingWith("use port 0, the builder's default, and read the port from baseUrl(), or opt a"
                        + " test that must fix its port in with FixedPorts.allow(builder)");
        assertThat(emulator.isRunning()).isFalse();
    }

    @Test
    void anEmulatorOptedInStartsOnItsFixedPort() throws IOException {
        int port = freePort();
        try (AiGatewayEmulator emulator = FixedPorts.allow(AiGatewayEmulator.builder().port(port)).build().start()) {
            assertThat(emulator.port()).isEqualTo(port);
        }
    }

    @Test
    void portZeroNeedsNoOptIn() {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().port(0).build().start()) {
            assertThat(emulator.port()).isPositive();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
