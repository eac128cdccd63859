package dev.aigw.emulator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.testsupport.ChildJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 start / request / close cycles with requests in flight ({@link CloseCycles}), each run in a child JVM so that
 * the JVM-wide streams are really observed: with no logging backend nothing is printed at all, and with one nothing
 * is logged at WARN or ERROR.
 */
@Timeout(120)
class QuietCloseTest {

    private static final String CYCLES = "200";

    @TempDir
    Path dir;

    @Test
    void twoHundredCyclesWithRequestsInFlightPrintNothingWithoutALoggingBackend() throws Exception {
        ChildJvm.Ended run = ChildJvm.withoutLoggingBackend().run(dir, 90, CloseCycles.class, CYCLES);

        assertThat(run.stderr()).as("stderr").isEmpty();
        assertThat(run.stdout()).as("stdout").isEmpty();
        assertThat(run.exitCode()).as("exit code").isZero();
    }

    @Test
    void twoHundredCyclesWithRequestsInFlightLogNoWarningOrErrorThroughSlf4jSimple() throws Exception {
        ChildJvm.Ended run = ChildJvm.withSlf4jSimple()
                .jvmOptions("-Dorg.slf4j.simpleLogger.defaultLogLevel=info")
                .run(dir, 90, CloseCycles.class, CYCLES);

        assertThat((run.stdout() + run.stderr()).lines())
                .as("lines at WARN or ERROR, or other warnings")
                .noneMatch(line -> line.contains("ERROR") || line.contains("WARN") || line.contains("SEVERE"));
        assertThat(run.exitCode()).as("exit code; stderr: " + run.stderr()).isZero();
    }
}
