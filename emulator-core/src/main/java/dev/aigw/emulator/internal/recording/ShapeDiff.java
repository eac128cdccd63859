package dev.aigw.emulator.internal.recording;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the shape of two JSON values, not their contents: members added or removed and values of another type
 * ({@code body.usage.total_tokens: number recorded, string now}). An array's shape is the union of its items'.
 */
final class ShapeDiff {

    private ShapeDiff() {
    }

    /** Returns the shape differences between a recorded value and a new one, under {@code path}. */
    static List<String> differences(String path, JsonNode recorded, JsonNode now) {
        List<String> out = new ArrayList<>();
        diff(path, recorded, now, out);
        return out;
    }

    /** Returns a value's type as the differences name it. */
    static String type(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return "string";
    }

    private static void diff(String path, JsonNode recorded, JsonNode now, List<String> out) {
        String a = type(recorded);
        String b = type(now);
        if (!a.equals(b)) {
            // A member that may be null (a refusal, a tool call) is no drift when one side has it null.
            if (!a.equals("null") && !b.equals("null")) {
                out.add(path + ": " + a + " recorded, " + b + " now");
            }
            return;
        }
        if (recorded.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            recorded.fieldNames().forEachRemaining(names::add);
            now.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path + "." + name;
                if (!now.has(name)) {
                    out.add(child + ": removed (" + type(recorded.get(name)) + " recorded)");
                } else if (!recorded.has(name)) {
                    out.add(child + ": added (" + type(now.get(name)) + ")");
                } else {
                    diff(child, recorded.get(name), now.get(name), out);
                }
            }
        } else if (recorded.isArray() && !recorded.isEmpty() && !now.isEmpty()) {
            diff(path + "[]", union(recorded), union(now), out);
        }
    }

    /** Returns one value with every member any object item of an array has, or the first item otherwise. */
    private static JsonNode union(JsonNode array) {
        if (!array.get(0).isObject()) {
            return array.get(0);
        }
        Map<String, JsonNode> members = new LinkedHashMap<>();
        for (JsonNode item : array) {
            if (item.isObject()) {
                item.properties().forEach(e -> members.putIfAbsent(e.getKey(), e.getValue()));
            }
        }
        com.fasterxml.jackson.databind.node.ObjectNode merged = dev.aigw.emulator.internal.json.Json.object();
        members.forEach(merged::set);
        return merged;
    }
}
