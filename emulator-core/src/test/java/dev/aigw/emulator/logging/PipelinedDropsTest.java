package dev.aigw.emulator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.testsupport.ChildJvm;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that drops its connection with pipelined requests still unanswered is an everyday event, not an error:
 * 600 such drops ({@link PipelinedDrops}), in a child JVM with slf4j-simple at INFO, log nothing at WARN or ERROR.
 * With Undertow's BUFFER_PIPELINED_DATA on, a worker streaming a reply wrote to the pipelining buffer that the drop
 * had freed: ERROR UT005090 / UT000091.
 */
@Timeout(120)
class PipelinedDropsTest {

    @TempDir
    Path dir;

    @Test
    void droppingAConnectionWithPipelinedRequestsInFlightLogsNoWarningOrError() throws Exception {
        ChildJvm.Ended run = ChildJvm.withSlf4jSimple()
                .jvmOptions("-Dorg.slf4j.simpleLogger.defaultLogLevel=info")
                .run(dir, 90, PipelinedDrops.class, "600");

        assertThat((run.stdout() + run.stderr()).lines())
                .as("lines at WARN or ERROR, or other warnings")
                .noneMatch(line -> line.contains("ERROR") || line.contains("WARN") || line.contains("SEVERE"));
        assertThat(run.exitCode()).as("exit code; stderr: " + run.stderr()).isZero();
    }
}
