package dev.aigw.emulator.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps the README and the guides honest: every {@code <!-- snippet: path -->} block must be copied from the file it
 * names, so the documentation only shows code that compiles and passes, and a reader can copy a Java snippet as is.
 *
 * <p>A Java snippet is a list of import lines, in any order, then code. Each import must be one of the file's
 * (or name a type of the file's own package, which the file uses without an import); the code's lines must appear in
 * the file contiguously (indentation and blank lines aside); the snippet must show every import of the file whose
 * simple name or static member its code uses, and an import for every type of the file's own package it uses; and a
 * field or method of the file that the code uses must be declared in the snippet too.
 */
class DocsSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+) -->\\R```\\w*\\R(.*?)\\R```",
            Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern STRINGS_AND_COMMENTS = Pattern.compile(
            "\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'|//[^\\n]*|/\\*(?s:.*?)\\*/");
    private static final Pattern BARE_NAME = Pattern.compile("(?<!\\.\\s{0,80})(?<![\\w$])([A-Za-z_$][\\w$]*)");
    private static final Pattern TYPE_DECLARATION = Pattern.compile("\\b(?:class|interface|enum|record)\\s+(\\w+)");
    private static final Pattern MEMBER_DECLARATION = Pattern.compile(
            "^(?:(?:private|protected|public|static|final)\\s+)+[\\w.$<>?,\\[\\] ]+?\\s+(\\w+)\\s*(?:=|;|\\()");

    @ParameterizedTest
    @CsvSource({"README.md, 13", "docs/junit5.md, 16", "docs/coming-from-wiremock-and-mockwebserver.md, 1",
            "docs/evaluations.md, 1",
            "docs/guardrails.md, 1"})
    void everySnippetOfAPageIsCopiedFromTheFileItNamesWithTheImportsItNeeds(String pagePath, int minimumSnippets)
            throws IOException {
        Path root = projectRoot();
        String page = Files.readString(root.resolve(pagePath));

        Matcher matcher = SNIPPET.matcher(page);
        int snippets = 0;
        List<String> problems = new ArrayList<>();
        while (matcher.find()) {
            snippets++;
            Path source = root.resolve(matcher.group(1));
            assertThat(source).as("the file a snippet names").exists();
            List<String> found = problems(matcher.group(2), Files.readString(source), samePackageTypes(source));
            if (!found.isEmpty()) {
                problems.add("the snippet from " + matcher.group(1) + " starting \""
                        + significantLines(matcher.group(2)).get(0) + "\":\n  " + String.join("\n  ", found));
            }
        }

        assertThat(problems).as("snippets of %s that a reader could not copy", pagePath).isEmpty();
        assertThat(snippets).as("snippets found on %s", pagePath).isGreaterThanOrEqualTo(minimumSnippets);
    }

    @Test
    void aSnippetWithoutAnImportItsCodeNeedsIsReported() {
        assertThat(problems("""
                Duration timeout = Duration.ofSeconds(5);
                assertThat(timeout).isPositive();""", SOURCE, name -> false))
                .containsExactly("its code uses assertThat but the snippet does not show: "
                                + "import static org.assertj.core.api.Assertions.assertThat;",
                        "its code uses Duration but the snippet does not show: import java.time.Duration;");
    }

    @Test
    void aSnippetShowingTheImportsItsCodeNeedsPasses() {
        assertThat(problems("""
                import static org.assertj.core.api.Assertions.assertThat;
                import java.time.Duration;

                Duration timeout = Duration.ofSeconds(5);
                assertThat(timeout).isPositive();""", SOURCE, name -> false)).isEmpty();
    }

    @Test
    void anImportTheFileDoesNotHaveIsReported() {
        assertThat(problems("""
                import java.time.Instant;
                import java.time.Duration;
                import static org.assertj.core.api.Assertions.assertThat;
                Duration timeout = Duration.ofSeconds(5);
                assertThat(timeout).isPositive();""", SOURCE, name -> false))
                .containsExactly("it shows import java.time.Instant; which the file does not have");
    }

    @Test
    void aTypeOfTheFilesOwnPackageNeedsAnImportInTheSnippet() {
        String withoutImport = """
                Gateway gateway = Gateway.create();
                assertThat(gateway).isNotNull();""";
        String withImport = "import static org.assertj.core.api.Assertions.assertThat;\n"
                + "import dev.example.Gateway;\n" + withoutImport;

        assertThat(problems(withoutImport, SAME_PACKAGE_SOURCE, "Gateway"::equals)).containsExactly(
                "its code uses Gateway but the snippet does not show: import dev.example.Gateway;",
                "its code uses assertThat but the snippet does not show: "
                        + "import static org.assertj.core.api.Assertions.assertThat;");
        assertThat(problems(withImport, SAME_PACKAGE_SOURCE, "Gateway"::equals)).isEmpty();
    }

    @Test
    void aFieldOfTheFileUsedByTheSnippetMustBeQuotedWithIt() {
        String method = """
                @Test
                void startsAtTheStart() {
                    assertThat(START).isNotNull();
                }""";
        String imports = "import static org.assertj.core.api.Assertions.assertThat;\n"
                + "import java.time.Instant;\nimport org.junit.jupiter.api.Test;\n";

        assertThat(problems(imports + method, FIELD_SOURCE, name -> false)).containsExactly(
                "its code uses START, declared in the file outside the snippet: quote it too "
                        + "(private static final Instant START = Instant.parse(\"2026-01-01T00:00:00Z\");)");
        assertThat(problems(imports + "private static final Instant START = Instant.parse(\"2026-01-01T00:00:00Z\");\n"
                + method, FIELD_SOURCE, name -> false)).isEmpty();
    }

    @Test
    void codeNoLongerInTheFileIsReported() {
        assertThat(problems("import java.time.Duration;\nDuration timeout = Duration.ofSeconds(6);", SOURCE,
                name -> false)).containsExactly(
                "its code is no longer in that file");
    }

    private static final String SOURCE = """
            package dev.example;

            import static org.assertj.core.api.Assertions.assertThat;

            import java.time.Duration;

            class Example {
                void example() {
                    Duration timeout = Duration.ofSeconds(5);
                    assertThat(timeout).isPositive();
                }
            }
            """;

    private static final String SAME_PACKAGE_SOURCE = """
            package dev.example;

            import static org.assertj.core.api.Assertions.assertThat;

            class Example {
                void example() {
                    Gateway gateway = Gateway.create();
                    assertThat(gateway).isNotNull();
                }
            }
            """;

    private static final String FIELD_SOURCE = """
            package dev.example;

            import static org.assertj.core.api.Assertions.assertThat;

            import java.time.Instant;
            import org.junit.jupiter.api.Test;

            class Example {

                private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

                @Test
                void startsAtTheStart() {
                    assertThat(START).isNotNull();
                }
            }
            """;

    /**
     * Returns what keeps a snippet from being a faithful, copyable quote of a source file, empty when nothing does.
     *
     * @param samePackageType tells whether a simple name is a type of the source file's own package
     */
    static List<String> problems(String snippet, String source, Predicate<String> samePackageType) {
        List<String> problems = new ArrayList<>();
        List<String> shownImports = new ArrayList<>();
        List<String> code = new ArrayList<>();
        for (String line : significantLines(snippet)) {
            if (code.isEmpty() && IMPORT.matcher(line).matches()) {
                shownImports.add(line);
            } else {
                code.add(line);
            }
        }
        List<String> sourceLines = significantLines(source);
        if (!code.isEmpty() && Collections.indexOfSubList(sourceLines, code) < 0) {
            problems.add("its code is no longer in that file");
        }

        Matcher packageMatcher = PACKAGE.matcher(source);
        String ownPackage = packageMatcher.find() ? packageMatcher.group(1) : "";
        Map<String, String> fileImports = new LinkedHashMap<>();
        for (String line : sourceLines) {
            Matcher m = IMPORT.matcher(line);
            if (m.matches()) {
                fileImports.put(line, m.group(2));
            }
        }
        for (String shown : shownImports) {
            Matcher m = IMPORT.matcher(shown);
            m.matches();
            boolean ownPackageType = m.group(1) == null && m.group(3) == null
                    && m.group(2).equals(ownPackage + "." + simpleName(m.group(2)))
                    && samePackageType.test(simpleName(m.group(2)));
            if (!fileImports.containsKey(shown) && !ownPackageType) {
                problems.add("it shows " + shown + " which the file does not have");
            }
        }

        String codeText = String.join("\n", code);
        Set<String> used = bareNames(codeText);
        Set<String> declaredInSnippet = new LinkedHashSet<>();
        TYPE_DECLARATION.matcher(codeText).results().forEach(r -> declaredInSnippet.add(r.group(1)));
        fileImports.forEach((line, name) -> {
            if (!line.endsWith(".*;") && used.contains(simpleName(name)) && !shownImports.contains(line)) {
                problems.add("its code uses " + simpleName(name) + " but the snippet does not show: " + line);
            }
        });
        for (String name : used) {
            String needed = "import " + ownPackage + "." + name + ";";
            if (Character.isUpperCase(name.charAt(0)) && !declaredInSnippet.contains(name)
                    && samePackageType.test(name) && !shownImports.contains(needed)) {
                problems.add(0, "its code uses " + name + " but the snippet does not show: " + needed);
            }
        }
        Set<String> membersInSnippet = new LinkedHashSet<>();
        for (String line : code) {
            Matcher m = MEMBER_DECLARATION.matcher(line);
            if (m.find()) {
                membersInSnippet.add(m.group(1));
            }
        }
        for (String line : sourceLines) {
            Matcher m = MEMBER_DECLARATION.matcher(line);
            if (m.find() && used.contains(m.group(1)) && !membersInSnippet.contains(m.group(1))) {
                problems.add("its code uses " + m.group(1) + ", declared in the file outside the snippet: quote it too ("
                        + line + ")");
            }
        }
        return problems;
    }

    /** Returns the names the code uses on their own: not after a dot (other than {@code this.}), outside text. */
    private static Set<String> bareNames(String code) {
        String stripped = STRINGS_AND_COMMENTS.matcher(code).replaceAll(" ").replaceAll("\\bthis\\s*\\.", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = BARE_NAME.matcher(stripped);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    /** Returns a test of whether a name is a top-level type of the source file's package, in its module. */
    private static Predicate<String> samePackageTypes(Path source) {
        Path packageDir = source.getParent();
        Path moduleRelative = null;
        for (Path dir = packageDir; dir != null; dir = dir.getParent()) {
            if (dir.getFileName() != null && dir.getFileName().toString().equals("java")
                    && dir.getParent() != null && dir.getParent().getParent() != null
                    && dir.getParent().getParent().getFileName().toString().equals("src")) {
                moduleRelative = dir.relativize(packageDir);
                Path src = dir.getParent().getParent();
                Path main = src.resolve("main/java").resolve(moduleRelative);
                Path test = src.resolve("test/java").resolve(moduleRelative);
                return name -> Files.exists(main.resolve(name + ".java")) || Files.exists(test.resolve(name + ".java"));
            }
        }
        return name -> Files.exists(packageDir.resolve(name + ".java"));
    }

    private static List<String> significantLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/junit5.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a parent directory holding docs/junit5.md").isNotNull();
        return dir;
    }
}
