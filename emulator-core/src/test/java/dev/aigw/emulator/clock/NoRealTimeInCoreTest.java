package dev.aigw.emulator.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every wait and timestamp of emulator-core goes through the injected clock; only SystemClock reads real time (and
 * RealTimeStopwatch, which times a real provider's answer for a recording and never waits), and
 * only RequestBodyHandler sets a real-time timer (XNIO's), for the network's own deadline: a body's read timeout.
 */
class NoRealTimeInCoreTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path ALLOWED = Path.of("dev/aigw/emulator/internal/time/SystemClock.java");
    /** A recording's timing is the real provider's: the one other class that reads real time, and only reads it. */
    private static final Path RECORDING_ALLOWED =
            Path.of("dev/aigw/emulator/internal/recording/RealTimeStopwatch.java");
    private static final Pattern REAL_TIME = Pattern.compile(
            "Thread\\.sleep|TimeUnit\\.\\w+\\.sleep|Instant\\.now\\(|System\\.currentTimeMillis|System\\.nanoTime"
                    + "|(LocalDateTime|LocalDate|LocalTime|OffsetDateTime|ZonedDateTime|Year|YearMonth)\\.now\\("
                    + "|(?<!Emulator)Clock\\.system(UTC|DefaultZone)?\\(|new Date\\(\\)|Calendar\\.getInstance\\(");
    private static final Path TIMER_ALLOWED = Path.of("dev/aigw/emulator/internal/server/RequestBodyHandler.java");
    private static final Pattern REAL_TIMER = Pattern.compile("\\.executeAfter\\(|\\.executeAtInterval\\(");

    @Test
    void noMainClassButTheSystemClockReadsOrWaitsOnRealTime() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (MAIN.relativize(file).equals(ALLOWED) || MAIN.relativize(file).equals(RECORDING_ALLOWED)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (REAL_TIME.matcher(lines.get(i)).find()) {
                        offences.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(offences).as("real time outside SystemClock").isEmpty();
    }

    @Test
    void onlyTheRequestBodyHandlerSetsARealTimeTimer() throws IOException {
        List<String> timers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (REAL_TIMER.matcher(lines.get(i)).find()) {
                        timers.add(MAIN.relativize(file).toString());
                    }
                }
            }
        }
        assertThat(timers).as("files that set an XNIO timer").containsExactly(TIMER_ALLOWED.toString());
    }

    @Test
    void theScanSeesTheSourcesAndWouldCatchAnOffence() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            assertThat(files.filter(f -> f.toString().endsWith(".java")).count()).isGreaterThan(20);
        }
        assertThat(REAL_TIME.matcher("long t = System.currentTimeMillis();").find()).isTrue();
        assertThat(REAL_TIME.matcher("Thread.sleep(5);").find()).isTrue();
        assertThat(REAL_TIME.matcher("var now = Instant.now();").find()).isTrue();
        assertThat(REAL_TIME.matcher("Instant now = clock.now();").find()).isFalse();
    }
}
