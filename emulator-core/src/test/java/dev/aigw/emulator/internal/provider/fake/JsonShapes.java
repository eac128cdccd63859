package dev.aigw.emulator.internal.provider.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.SseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares renderings with the documented shapes under {@code src/test/resources/fixtures}: the same members, the
 * same JSON types, and the same values of the members that name a kind ({@code type}, {@code role},
 * {@code stop_reason}); other values (ids, texts, counts) may differ.
 */
final class JsonShapes {

    private static final Set<String> KIND_MEMBERS = Set.of("type", "role", "stop_reason");

    private JsonShapes() {
    }

    /** Reads a fixture file below {@code /fixtures/}. */
    static JsonNode fixture(String path) {
        try (InputStream in = JsonShapes.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new AssertionError("no fixture " + path);
            }
            return Json.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new AssertionError("cannot read fixture " + path, e);
        }
    }

    /** Asserts that {@code actual} has the shape of {@code documented}. */
    static void assertSameShape(JsonNode documented, JsonNode actual) {
        compare("$", documented, actual);
    }

    /**
     * Asserts that a stream of named events has the shape of a documented one (a JSON array of
     * {@code {"event","data"}}): the same outline of events (consecutive events of one kind counted once) and each
     * event's data shaped like the documented event of its kind.
     */
    static void assertSameStreamShape(JsonNode documented, List<SseEvent> actual) {
        List<JsonNode> data = new ArrayList<>();
        for (SseEvent e : actual) {
            try {
                JsonNode node = Json.parse(e.data());
                assertThat(node.path("type").asText()).as("type of event %s", e.event()).isEqualTo(e.event());
                data.add(node);
            } catch (IOException ex) {
                throw new AssertionError("event data is not JSON: " + e.data(), ex);
            }
        }
        List<JsonNode> expected = new ArrayList<>();
        documented.forEach(e -> expected.add(e.get("data")));
        assertThat(outline(data)).isEqualTo(outline(expected));
        for (JsonNode event : data) {
            JsonNode twin = expected.stream().filter(x -> kind(x).equals(kind(event))).findFirst().orElseThrow();
            compare(kind(event), twin, event);
        }
    }

    /** Returns the kinds of a stream's events, consecutive repeats once. */
    static List<String> outline(List<JsonNode> events) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : events) {
            String kind = kind(e);
            if (out.isEmpty() || !out.get(out.size() - 1).equals(kind)) {
                out.add(kind);
            }
        }
        return out;
    }

    private static String kind(JsonNode event) {
        String type = event.path("type").asText();
        if (event.has("delta") && event.get("delta").has("type")) {
            return type + ":" + event.get("delta").get("type").asText();
        }
        if (event.has("content_block")) {
            return type + ":" + event.get("content_block").path("type").asText();
        }
        return type;
    }

    private static void compare(String path, JsonNode documented, JsonNode actual) {
        assertThat(actual).as("%s is missing", path).isNotNull();
        assertThat(actual.getNodeType()).as("JSON type of %s", path).isEqualTo(documented.getNodeType());
        if (documented.isObject()) {
            List<String> expectedNames = new ArrayList<>();
            documented.fieldNames().forEachRemaining(expectedNames::add);
            List<String> actualNames = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            assertThat(actualNames).as("members of %s", path).containsExactlyInAnyOrderElementsOf(expectedNames);
            for (String name : expectedNames) {
                if (KIND_MEMBERS.contains(name) && documented.get(name).isTextual()) {
                    assertThat(actual.get(name).asText()).as("%s.%s", path, name)
                            .isEqualTo(documented.get(name).asText());
                }
                compare(path + "." + name, documented.get(name), actual.get(name));
            }
        } else if (documented.isArray()) {
            assertThat(actual.size()).as("length of %s", path).isEqualTo(documented.size());
            for (int i = 0; i < documented.size(); i++) {
                compare(path + "[" + i + "]", documented.get(i), actual.get(i));
            }
        }
    }
}
