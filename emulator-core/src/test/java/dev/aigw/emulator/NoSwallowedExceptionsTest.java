package dev.aigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every exception emulator-core catches is rethrown, wrapped, turned into an error reply built from it, or logged
 * with its cause: no catch block may drop it.
 */
class NoSwallowedExceptionsTest {

    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void noCatchBlockOfTheMainSourcesDropsItsException() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path file : mainSources()) {
            for (CatchBlockScan.CatchBlock block : CatchBlockScan.swallowing(Files.readString(file))) {
                offences.add(MAIN.relativize(file) + ":" + block.line() + ": the catch block drops '" + block.variable()
                        + "': rethrow it, wrap it, build the answer from it or log it with its cause");
            }
        }
        assertThat(offences).as("catch blocks that swallow their exception").isEmpty();
    }

    @Test
    void theScanSeesTheCatchBlocksOfTheMainSources() throws IOException {
        int blocks = 0;
        for (Path file : mainSources()) {
            blocks += CatchBlockScan.catchBlocks(Files.readString(file)).size();
        }
        assertThat(blocks).isGreaterThan(40);
    }

    @Test
    void aCatchThatDropsItsExceptionIsReportedAtItsLine() {
        String source = """
                class A {
                    int parse(String s) {
                        try {
                            return Integer.parseInt(s);
                        } catch (NumberFormatException e) {
                            return 0;
                        }
                    }
                }
                """;

        assertThat(CatchBlockScan.swallowing(source)).singleElement()
                .satisfies(block -> {
                    assertThat(block.line()).isEqualTo(5);
                    assertThat(block.variable()).isEqualTo("e");
                });
    }

    @Test
    void commentsStringsOtherNamesAndTheNameIgnoredDoNotCountAsAUse() {
        String textBlock = "\"\"\"";
        String source = String.join("\n",
                "class A {",
                "    void a() {",
                "        try { run(); } catch (RuntimeException ignored) { }",
                "        try { run(); } catch (IllegalStateException | IllegalArgumentException e) {",
                "            // e is fine, /* e */ and \"e\" too",
                "            log(\"e\", 'e', e1, this.e, " + textBlock,
                "                e",
                "                " + textBlock + ");",
                "        }",
                "        try { run(); } catch (final Exception ex) { Runnable r = () -> { int exe = 1; }; }",
                "    }",
                "}");

        assertThat(CatchBlockScan.swallowing(source)).extracting(CatchBlockScan.CatchBlock::line)
                .containsExactly(3, 4, 10);
    }

    @Test
    void aCatchThatRethrowsWrapsLogsOrReturnsItsExceptionPasses() {
        String source = """
                class A {
                    Object a() {
                        try { run(); } catch (IllegalStateException e) { throw e; }
                        try { run(); } catch (IOException e) { throw new UncheckedIOException(e); }
                        try { run(); } catch (RuntimeException e) { LOG.debug("lost {}", "client", e); }
                        try { run(); } catch (Exception e) { return e.getMessage(); }
                        try { run(); } catch (ApiException e) { throw invalid("x").because(e); }
                        return null;
                    }
                }
                """;

        assertThat(CatchBlockScan.catchBlocks(source)).hasSize(5);
        assertThat(CatchBlockScan.swallowing(source)).isEmpty();
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
