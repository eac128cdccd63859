package dev.aigw.emulator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads the documented provider shapes under {@code src/test/resources/fixtures} and compares a rendering with one
 * structurally: the same members at every level and the same JSON type for every value (texts, numbers and
 * booleans may differ in value). An array's elements are compared with the documented element at the same index,
 * or with its last one when the rendering has more.
 */
public final class ProviderShapes {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProviderShapes() {
    }

    /** Loads a documented shape, e.g. {@code gemini/text.json}. */
    public static JsonNode load(String name) {
        try (InputStream in = ProviderShapes.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no documented shape /fixtures/" + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that a rendering has the shape of the documented one, naming every difference. */
    public static void assertSameShape(String documented, JsonNode rendered) {
        List<String> differences = new ArrayList<>();
        compare(load(documented), rendered, "$", differences);
        if (!differences.isEmpty()) {
            throw new AssertionError("the rendering differs from the documented shape " + documented + ":\n  "
                    + String.join("\n  ", differences) + "\nrendered: " + rendered);
        }
    }

    private static void compare(JsonNode expected, JsonNode actual, String at, List<String> differences) {
        if (expected.getNodeType() != actual.getNodeType()) {
            differences.add(at + ": documented " + expected.getNodeType() + ", rendered " + actual.getNodeType());
            return;
        }
        if (expected.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!actual.has(name)) {
                    differences.add(at + "." + name + ": documented, not rendered");
                } else if (!expected.has(name)) {
                    differences.add(at + "." + name + ": rendered, not documented");
                } else {
                    compare(expected.get(name), actual.get(name), at + "." + name, differences);
                }
            }
        } else if (expected.isArray()) {
            if (expected.isEmpty() != actual.isEmpty()) {
                differences.add(at + ": documented " + expected.size() + " elements, rendered " + actual.size());
                return;
            }
            Iterator<JsonNode> elements = actual.elements();
            for (int i = 0; elements.hasNext(); i++) {
                compare(expected.get(Math.min(i, expected.size() - 1)), elements.next(), at + "[" + i + "]",
                        differences);
            }
        }
    }
}
