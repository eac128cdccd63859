package dev.aigw.emulator.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs a main class of the test class path in a child JVM, whose own stdout and stderr a test can read whole: the
 * only way to see what a library prints on the JVM-wide streams or while the JVM starts and ends. The child
 * inherits no system property (so none of the quieting surefire sets for this JVM) and no {@code AIGW_*} variable.
 */
public final class ChildJvm {

    private final boolean loggingBackend;
    private final List<String> jvmOptions = new ArrayList<>();

    private ChildJvm(boolean loggingBackend) {
        this.loggingBackend = loggingBackend;
    }

    /** Returns a child JVM with the test class path minus every SLF4J backend: a user who added none. */
    public static ChildJvm withoutLoggingBackend() {
        return new ChildJvm(false);
    }

    /** Returns a child JVM with the test class path as it is, slf4j-simple included. */
    public static ChildJvm withSlf4jSimple() {
        return new ChildJvm(true);
    }

    /** Adds JVM options, e.g. {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=info}. */
    public ChildJvm jvmOptions(String... options) {
        jvmOptions.addAll(Arrays.asList(options));
        return this;
    }

    /** Returns the class path the child gets. */
    public String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> loggingBackend || !isSlf4jBackend(entry))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static boolean isSlf4jBackend(String classPathEntry) {
        String name = Path.of(classPathEntry).getFileName().toString();
        return name.startsWith("slf4j-") && !name.startsWith("slf4j-api") || name.startsWith("logback-");
    }

    /** Starts {@code main} with {@code args}, its stdout and stderr going to files in {@code dir}. */
    public Started start(Path dir, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // C1 only: the children run for seconds, and C2's compiles would only compete with them for the CPU.
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), main.getName()));
        command.addAll(Arrays.asList(args));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AIGW_"));
        return new Started(builder.start(), stdout, stderr);
    }

    /**
     * Runs {@code main} to its end, for at most {@code timeoutSeconds}, and returns its exit code and output.
     *
     * @throws AssertionError if it has not ended in time (it is killed)
     */
    public Ended run(Path dir, long timeoutSeconds, Class<?> main, String... args) throws Exception {
        Started started = start(dir, main, args);
        if (!started.process().waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            started.process().destroyForcibly();
            throw new AssertionError(main.getSimpleName() + " did not end within " + timeoutSeconds + " s; stdout: "
                    + Files.readString(started.stdout()) + "; stderr: " + Files.readString(started.stderr()));
        }
        return started.ended();
    }

    /** A child JVM that runs, with the files its output goes to. */
    public record Started(Process process, Path stdout, Path stderr) {

        /** Returns the exit code and output of the process, which has ended. */
        public Ended ended() throws IOException {
            return new Ended(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        }
    }

    /** What a child JVM left: its exit code and everything it wrote. */
    public record Ended(int exitCode, String stdout, String stderr) {
    }
}
