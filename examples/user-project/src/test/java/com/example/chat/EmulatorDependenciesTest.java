package com.example.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What the emulator brings onto this project's test classpath: below its {@code dev.aigw} artifacts, only the JUnit
 * API (with its own dependencies), the SLF4J API and more {@code dev.aigw} artifacts, so nothing can clash with the
 * SDKs' libraries. Reads the verbose tree that maven-dependency-plugin writes before the tests (see pom.xml), in
 * which a dependency that lost a version conflict still shows, in parentheses, under whoever asked for it.
 */
class EmulatorDependenciesTest {

    private static final Set<String> ALLOWED_BELOW_THE_EMULATOR = Set.of(
            "org.junit.jupiter:junit-jupiter-api",
            "org.opentest4j:opentest4j",
            "org.junit.platform:junit-platform-commons",
            "org.apiguardian:apiguardian-api",
            "org.slf4j:slf4j-api");

    @Test
    void theEmulatorBringsOnlyTheJunitApiTheSlf4jApiAndItsOwnArtifacts() throws IOException {
        List<Node> tree = read(Path.of(System.getProperty("dependencyTree", "target/dependency-tree.txt")));

        Set<String> belowTheEmulator = new TreeSet<>();
        Deque<Node> ancestors = new ArrayDeque<>();
        for (Node node : tree) {
            while (!ancestors.isEmpty() && ancestors.peek().depth() >= node.depth()) {
                ancestors.pop();
            }
            if (ancestors.stream().anyMatch(Node::isEmulator)) {
                belowTheEmulator.add(node.key());
            }
            ancestors.push(node);
        }

        assertThat(belowTheEmulator).as("what the dev.aigw artifacts bring").contains(
                "dev.aigw:emulator-core", "org.junit.jupiter:junit-jupiter-api", "org.slf4j:slf4j-api");
        assertThat(belowTheEmulator).as("what the dev.aigw artifacts bring besides the JUnit and SLF4J APIs")
                .filteredOn(key -> !key.startsWith("dev.aigw:") && !ALLOWED_BELOW_THE_EMULATOR.contains(key))
                .isEmpty();
    }

    /** One artifact of the tree: its depth (the project is 0) and its groupId:artifactId. */
    private record Node(int depth, String key) {
        boolean isEmulator() {
            return key.startsWith("dev.aigw:");
        }
    }

    /**
     * Reads the text output of {@code dependency:tree}: a line per artifact, three characters of indentation per
     * level ({@code "|  "} or {@code "   "}) then {@code "+- "} or {@code "\- "}; verbose lines wrap the artifact in
     * parentheses.
     */
    private static List<Node> read(Path file) throws IOException {
        List<Node> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            int branch = Math.max(line.indexOf("+- "), line.indexOf("\\- "));
            int depth = branch < 0 ? 0 : branch / 3 + 1;
            String artifact = branch < 0 ? line : line.substring(branch + 3);
            if (artifact.startsWith("(")) {
                artifact = artifact.substring(1);
            }
            String[] coordinates = artifact.split(":");
            if (!line.isBlank()) {
                nodes.add(new Node(depth, coordinates[0] + ":" + coordinates[1]));
            }
        }
        return nodes;
    }
}
