package dev.aigw.emulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The image itself: a non-root user, Docker's own health check, and a prompt, clean stop on SIGTERM. */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmulatorImage.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ImageTest {

    @Test
    void runsAsNobodyBecomesHealthyAndStopsCleanlyOnSigterm() throws Exception {
        try (AiGatewayContainer emulator = new AiGatewayContainer(EmulatorImage.NAME)) {
            emulator.start();
            assertThat(emulator.getContainerInfo().getConfig().getUser()).isEqualTo("65534:65534");
            assertThat(emulator.execInContainer("id", "-u").getStdout().strip()).isEqualTo("65534");

            // The HEALTHCHECK probe (a JVM running HealthCheck) first runs one interval (5 s) after the start.
            Instant deadline = Instant.now().plusSeconds(30);
            String health = "starting";
            while (!health.equals("healthy") && Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(200);
                health = inspect(emulator).getState().getHealth().getStatus();
            }
            assertThat(health).isEqualTo("healthy");

            Instant stopping = Instant.now();
            emulator.getDockerClient().stopContainerCmd(emulator.getContainerId()).withTimeout(20).exec();
            Duration took = Duration.between(stopping, Instant.now());

            InspectContainerResponse.ContainerState state = inspect(emulator).getState();
            assertThat(took).as("SIGTERM ends it; a SIGKILL would come after 20 s").isLessThan(Duration.ofSeconds(5));
            assertThat(state.getRunning()).isFalse();
            assertThat(state.getExitCodeLong()).as("the JVM's exit code after SIGTERM").isEqualTo(143L);
            assertThat(emulator.getLogs().strip()).endsWith("AI Gateway emulator stopped");
        }
    }

    private static InspectContainerResponse inspect(AiGatewayContainer emulator) {
        return emulator.getDockerClient().inspectContainerCmd(emulator.getContainerId()).exec();
    }
}
