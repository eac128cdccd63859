package dev.aigw.emulator.internal.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;

/**
 * The emulator's loggers are SLF4J's when the application has a backend and no-op ones otherwise, decided without
 * initialising SLF4J (which would print its "no providers" notice); every logger of the main sources comes from
 * {@link Logs}.
 */
class LogsTest {

    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void aClassLoaderWithSlf4jSimpleHasABackend() {
        assertThat(Logs.backendPresent(LogsTest.class.getClassLoader())).isTrue();
        assertThat(Logs.hasBackend()).isTrue();
        assertThat(Logs.getLogger(LogsTest.class)).isNotSameAs(NOPLogger.NOP_LOGGER);
        assertThat(Logs.getLogger("dev.aigw.emulator.hints").getName()).isEqualTo("dev.aigw.emulator.hints");
    }

    @Test
    void aClassLoaderWithOnlyTheSlf4jApiHasNone() throws IOException {
        URL api = LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader onlyTheApi = new URLClassLoader(new URL[] {api}, ClassLoader.getPlatformClassLoader())) {
            assertThat(Logs.backendPresent(onlyTheApi)).isFalse();
        }
    }

    @Test
    void noMainClassButLogsAsksLoggerFactoryForALogger() throws IOException {
        List<String> offences;
        try (Stream<Path> files = Files.walk(MAIN)) {
            offences = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith(Path.of("dev/aigw/emulator/internal/util/Logs.java")))
                    .filter(f -> read(f).contains("LoggerFactory"))
                    .map(f -> MAIN.relativize(f) + ": use Logs.getLogger, which prints nothing without a backend")
                    .toList();
        }
        assertThat(offences).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
