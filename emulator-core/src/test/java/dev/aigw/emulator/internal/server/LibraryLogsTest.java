package dev.aigw.emulator.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.logging.CloseCycles;
import dev.aigw.emulator.testsupport.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xnio.Xnio;

/**
 * The server's libraries log to java.util.logging from WARNING up, unless the application's logging configuration
 * sets their level itself.
 */
@Timeout(60)
class LibraryLogsTest {

    @TempDir
    Path dir;

    @Test
    void theLibrariesLoggersAreNamedAfterTheirPackagesAndLogFromWarningUp() {
        LibraryLogs.quiet();

        assertThat(LibraryLogs.names()).containsExactly("io.undertow", "org.xnio", "org.jboss.threads");
        assertThat(Logger.getLogger(Xnio.class.getPackageName()).getLevel()).isEqualTo(Level.WARNING);
    }

    @Test
    void aLevelTheApplicationConfiguredForALibraryStays() throws Exception {
        Path config = Files.writeString(dir.resolve("logging.properties"), String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                "java.util.logging.ConsoleHandler.level=INFO",
                Xnio.class.getPackageName() + ".level=INFO"));

        ChildJvm.Ended run = ChildJvm.withoutLoggingBackend()
                .jvmOptions("-Djava.util.logging.config.file=" + config)
                .run(dir, 30, CloseCycles.class, "1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).contains("INFO: XNIO version");
    }
}
