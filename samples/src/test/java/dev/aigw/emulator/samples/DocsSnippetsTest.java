package dev.aigw.emulator.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps the README and {@code docs/junit5.md} honest: every {@code <!-- snippet: path -->} block must appear in the file it names,
 * line for line (indentation and blank lines aside), so the documentation only shows code that compiles and passes.
 */
class DocsSnippetsTest {

    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+) -->\\R```\\w*\\R(.*?)\\R```",
            Pattern.DOTALL);

    @ParameterizedTest
    @CsvSource({"README.md, 4", "docs/junit5.md, 10"})
    void everySnippetOfAPageIsCopiedFromTheFileItNames(String pagePath, int minimumSnippets) throws IOException {
        Path root = projectRoot();
        String page = Files.readString(root.resolve(pagePath));

        Matcher matcher = SNIPPET.matcher(page);
        int snippets = 0;
        while (matcher.find()) {
            snippets++;
            Path source = root.resolve(matcher.group(1));
            assertThat(source).as("the file a snippet names").exists();
            List<String> quoted = significantLines(matcher.group(2));
            List<String> original = significantLines(Files.readString(source));
            assertThat(Collections.indexOfSubList(original, quoted))
                    .as("snippet from %s is no longer in that file:%n%s", matcher.group(1), matcher.group(2))
                    .isNotNegative();
        }

        assertThat(snippets).as("snippets found on %s", pagePath).isGreaterThanOrEqualTo(minimumSnippets);
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
