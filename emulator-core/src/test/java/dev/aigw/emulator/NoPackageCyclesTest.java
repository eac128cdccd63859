package dev.aigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages under {@code internal} form layers: no package uses, directly or through others, a package that
 * uses it back, so each can be read, tested and changed with only what is below it in mind.
 */
class NoPackageCyclesTest {

    private static final String INTERNAL = "dev.aigw.emulator.internal";

    @Test
    void noInternalPackageReachesItselfThroughItsUses() throws IOException {
        PackageGraph graph = new PackageGraph(INTERNAL);
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                graph.add(Files.readString(file));
            }
        }

        assertThat(graph.packages()).as("packages scanned").hasSizeGreaterThan(15)
                .contains(INTERNAL + ".proxy", INTERNAL + ".server", INTERNAL + ".gateway");
        assertThat(graph.cycles()).as("package cycles").isEmpty();
    }

    @Test
    void aCycleThroughSeveralPackagesIsReportedAsItsPath() {
        PackageGraph graph = new PackageGraph("x");
        graph.add("package x.a;\nimport x.b.B;\nclass A { B b; }");
        graph.add("package x.b;\nclass B { x.c.C c; }");
        graph.add("package x.c;\nimport x.a.A;\nclass C {}");
        graph.add("package x.d;\nimport x.a.A;\nclass D {}");

        assertThat(graph.cycles()).containsExactly(List.of("x.a", "x.b", "x.c", "x.a"));
    }

    @Test
    void commentsAndStringsAreNotUses() {
        PackageGraph graph = new PackageGraph("x");
        graph.add("package x.a;\n/** See {@link x.b.B}. */\nclass A { String s = \"x.b.B\"; // x.b.B\n}");
        graph.add("package x.b;\nimport x.a.A;\nclass B {}");

        assertThat(graph.uses("x.a")).isEmpty();
        assertThat(graph.cycles()).isEmpty();
    }
}
