package dev.aigw.emulator.internal.wire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a directory of reply fixtures: every {@code *.json} file directly in it, in file-name order, each one rule
 * object or {@code {"rules": [..], "test_id"}} as {@link ReplyRuleJson} reads them. Every problem names its file and
 * the JSON path of the bad member ({@code weather.json: rules[2].match.turn: expected ...}), with a "did you mean"
 * for an unknown member; reading goes on past a bad rule, so one pass names them all.
 */
public final class ReplyFixtures {

    private static final String ROOT = "file";
    private static final String PREFIX = "Input Validation Error: ";

    /**
     * What a directory holds.
     *
     * @param rules the good rules, in file-name order, then in their order in the file
     * @param files the fixture files read
     * @param problems what is wrong, one line each, naming the file and the member; empty when all is well
     */
    public record Read(List<ReplyRule> rules, List<Path> files, List<String> problems) {

        /** Copies the lists. */
        public Read {
            rules = List.copyOf(rules);
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    private ReplyFixtures() {
    }

    /**
     * Returns the rules of a fixture directory.
     *
     * @throws IllegalArgumentException listing every problem, when there is any
     */
    public static List<ReplyRule> load(Path directory, ProviderRegistry providers) {
        Read read = read(directory, providers);
        if (!read.problems().isEmpty()) {
            throw new IllegalArgumentException("the reply fixtures in " + directory + " have " + read.problems().size()
                    + " problem" + (read.problems().size() == 1 ? "" : "s") + ":\n  " + String.join("\n  ",
                    read.problems()));
        }
        return read.rules();
    }

    /** Reads a fixture directory; never throws for what it finds, which is listed as problems. */
    public static Read read(Path directory, ProviderRegistry providers) {
        List<String> problems = new ArrayList<>();
        List<ReplyRule> rules = new ArrayList<>();
        List<Path> files = files(directory, problems);
        for (Path file : files) {
            JsonNode root = parse(file, problems);
            if (root != null) {
                rules.addAll(ReplyRuleJson.parseEach(root, List.of(ROOT), providers, null,
                        e -> problems.add(file + ": " + describe(e))));
            }
        }
        return new Read(rules, files, problems);
    }

    private static List<Path> files(Path directory, List<String> problems) {
        if (!Files.isDirectory(directory)) {
            problems.add(directory + ": " + (Files.exists(directory) ? "is not a directory" : "no such directory")
                    + "; reply fixtures are a directory of *.json files");
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        } catch (IOException e) {
            problems.add(directory + ": cannot list the directory (" + e.getMessage() + ")");
            return List.of();
        }
        if (files.isEmpty()) {
            problems.add(directory + ": holds no *.json files; each fixture file is a reply rule or {\"rules\": [...]}");
        }
        return files;
    }

    private static JsonNode parse(Path file, List<String> problems) {
        try {
            JsonNode root = Json.parse(Files.readAllBytes(file));
            if (root == null || root.isMissingNode()) {
                problems.add(file + ": is empty; expected a reply rule or {\"rules\": [...]}");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            problems.add(file + ": not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(file + ": cannot read it (" + e.getMessage() + ")");
        }
        return null;
    }

    /** Words a validation error with the member's JSON path: {@code rules[2].match.turn: expected ...}. */
    static String describe(ApiException e) {
        String detail = e.error().message();
        if (detail.startsWith(PREFIX)) {
            detail = detail.substring(PREFIX.length());
        }
        List<String> path = e.error().path();
        List<String> relative = path.size() > 1 ? path.subList(1, path.size()) : List.of();
        String location = JsonShape.location(path);
        String rest = detail.startsWith(location) ? detail.substring(location.length()) : ": " + detail;
        if (relative.isEmpty()) {
            return "(top level)" + rest;
        }
        return jsonPath(relative) + rest.replace(String.join(".", relative), jsonPath(relative));
    }

    /** Renders a path as {@code rules[2].match.turn}. */
    static String jsonPath(List<String> path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path) {
            if (segment.matches("\\d+")) {
                out.append('[').append(segment).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(segment);
            }
        }
        return out.toString();
    }
}
