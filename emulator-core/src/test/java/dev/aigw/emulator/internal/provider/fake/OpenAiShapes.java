package dev.aigw.emulator.internal.provider.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares renderings with the documented OpenAI shapes under {@code fixtures/openai} (see its README): every member
 * a fixture shows is present with the same JSON type, arrays item by item, and discriminating values equal.
 */
final class OpenAiShapes {

    private static final Set<String> SAME_VALUE = Set.of("type", "object", "role", "status", "finish_reason");

    private OpenAiShapes() {
    }

    /** Reads a fixture of {@code fixtures/openai}. */
    static JsonNode fixture(String name) {
        try (InputStream in = OpenAiShapes.class.getResourceAsStream("/fixtures/openai/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return Json.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new AssertionError("cannot read fixture " + name, e);
        }
    }

    /** Asserts that the actual JSON has the documented shape. */
    static void assertShape(JsonNode documented, JsonNode actual) {
        List<String> problems = new ArrayList<>();
        compare(documented, actual, "$", problems);
        assertThat(problems).as("differences from the documented shape in " + actual).isEmpty();
    }

    /**
     * Asserts that a sequence of stream payloads has the documented sequence's shape: the same kinds in the same
     * order (runs of one kind, such as deltas, count once) and each payload shaped as the documented one of its run.
     */
    static void assertStreamShape(JsonNode documented, List<JsonNode> actual, java.util.function.Function<JsonNode,
            String> kind) {
        List<List<JsonNode>> expectedRuns = runs(iterable(documented), kind);
        List<List<JsonNode>> actualRuns = runs(actual, kind);
        assertThat(actualRuns.stream().map(r -> kind.apply(r.get(0))).toList())
                .as("the kinds of the stream's events, runs counted once")
                .isEqualTo(expectedRuns.stream().map(r -> kind.apply(r.get(0))).toList());
        for (int i = 0; i < actualRuns.size(); i++) {
            for (JsonNode payload : actualRuns.get(i)) {
                assertShape(expectedRuns.get(i).get(0), payload);
            }
        }
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static List<List<JsonNode>> runs(List<JsonNode> payloads, java.util.function.Function<JsonNode,
            String> kind) {
        List<List<JsonNode>> runs = new ArrayList<>();
        String last = null;
        for (JsonNode p : payloads) {
            String k = kind.apply(p);
            if (!k.equals(last)) {
                runs.add(new ArrayList<>());
                last = k;
            }
            runs.get(runs.size() - 1).add(p);
        }
        return runs;
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, List<String> problems) {
        if (expected.isNull()) {
            return; // a nullable member: present is enough
        }
        if (!type(expected).equals(type(actual))) {
            problems.add(path + ": expected " + type(expected) + ", got " + type(actual));
            return;
        }
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String at = path + "." + f.getKey();
                if (!actual.has(f.getKey())) {
                    problems.add(at + ": missing");
                } else {
                    if (SAME_VALUE.contains(f.getKey()) && f.getValue().isTextual()
                            && !f.getValue().equals(actual.get(f.getKey()))) {
                        problems.add(at + ": expected " + f.getValue() + ", got " + actual.get(f.getKey()));
                    }
                    compare(f.getValue(), actual.get(f.getKey()), at, problems);
                }
            }
        } else if (expected.isArray() && !expected.isEmpty()) {
            if (expected.size() != actual.size()) {
                problems.add(path + ": expected " + expected.size() + " items, got " + actual.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(expected.get(i), actual.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static String type(JsonNode node) {
        return node.isNumber() ? "number" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
