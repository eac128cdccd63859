package dev.aigw.emulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No public signature of emulator-testcontainers shows a type its users must not depend on: only the JDK, the
 * emulator's public types, and Testcontainers' API, which {@code AiGatewayContainer} extends (its inherited
 * {@code GenericContainer} methods show docker-java and JUnit 4 types). The scan is emulator-core's
 * {@code PublicApiScan}, run as a single-file program over this module's compiled classes.
 */
@Timeout(60)
class PublicApiTest {

    private static final Path SCANNER =
            Path.of("../emulator-core/src/test/java/dev/aigw/emulator/testsupport/PublicApiScan.java");

    @Test
    void noPublicSignatureShowsATypeUsersMustNotDependOn() throws Exception {
        Process scan = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SCANNER.toString(), "target/classes",
                "org.testcontainers.", "com.github.dockerjava.",
                "org.junit.runner.", "org.junit.runners.")
                .redirectErrorStream(true).start();
        String offences = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(scan.waitFor()).as("the scan's exit code; it printed:%n%s", offences).isZero();
    }
}
