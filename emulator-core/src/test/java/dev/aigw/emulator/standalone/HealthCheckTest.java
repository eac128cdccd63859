package dev.aigw.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The container's health probe: healthy only on a 200 from the health endpoint. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HealthCheckTest {

    @Test
    void aRunningEmulatorIsHealthy() {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start()) {
            assertThat(HealthCheck.problem(emulator.baseUrl() + "/__emulator/health")).isNull();
            assertThat(HealthCheck.problem(emulator.baseUrl() + "/__emulator/nothing"))
                    .isEqualTo(emulator.baseUrl() + "/__emulator/nothing answered 404");
        }
    }

    @Test
    void withoutAUrlItChecksThePortAndHostTheEnvironmentGives() {
        assertThat(HealthCheck.defaultUrl(Map.of())).isEqualTo("http://127.0.0.1:8787/__emulator/health");
        assertThat(HealthCheck.defaultUrl(Map.of("AIGW_HOST", "0.0.0.0", "AIGW_PORT", "9000")))
                .isEqualTo("http://127.0.0.1:9000/__emulator/health");
        assertThat(HealthCheck.defaultUrl(Map.of("AIGW_HOST", "::1"))).isEqualTo("http://[::1]:8787/__emulator/health");
    }

    @Test
    void aClosedPortIsUnhealthy() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/__emulator/health";

        assertThat(HealthCheck.problem(url)).startsWith(url + ": java.net.ConnectException");
    }
}
