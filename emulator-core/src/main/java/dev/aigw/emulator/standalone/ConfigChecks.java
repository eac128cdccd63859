package dev.aigw.emulator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.util.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the members of the config file and words its refusals: every message names the file, the JSON path of
 * the bad member (e.g. {@code gateways[0].retry_delay}) and what is allowed. Validation errors of the shared
 * validators (gateway fields, script steps) are re-rooted under the member they came from.
 */
final class ConfigChecks {

    private static final String ROOT = "file";

    private final String label;

    ConfigChecks(String label) {
        this.label = label;
    }

    JsonNode member(JsonNode object, List<String> path, String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            throw error(child(path, name), " is required");
        }
        return value;
    }

    String string(JsonNode value, List<String> path, String expected) {
        if (value == null || !value.isTextual()) {
            throw error(path, ": expected " + expected + ", got " + render(value));
        }
        return value.textValue();
    }

    void expectArray(JsonNode value, List<String> path, String expected) {
        if (!value.isArray()) {
            throw error(path, ": expected " + expected + ", got " + render(value));
        }
    }

    static String render(JsonNode value) {
        if (value == null) {
            return "nothing";
        }
        String text = Json.text(value);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    void refuseUnknown(JsonNode object, List<String> path, Collection<String> allowed, String what) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw error(child(path, name), ": unknown member" + Suggestions.didYouMean(name, allowed) + "; "
                        + what + ": " + String.join(", ", allowed));
            }
        }
    }

    void check(JsonShape.Member member, JsonNode object, List<String> path) {
        try {
            member.check(object, withRoot(path));
        } catch (ApiException e) {
            throw translate(e, List.of());
        }
    }

    /**
     * Turns a validation error of the shared validators into a message about the file: the error's path,
     * whose first segment is the validator's root ("body" or "file"), is placed under {@code base}.
     */
    ConfigException translate(ApiException e, List<String> base) {
        String detail = e.error().message();
        String prefix = "Input Validation Error: ";
        if (detail.startsWith(prefix)) {
            detail = detail.substring(prefix.length());
        }
        List<String> errorPath = e.error().path();
        List<String> relative = errorPath.size() > 1 ? errorPath.subList(1, errorPath.size()) : List.of();
        List<String> full = new ArrayList<>(base);
        full.addAll(relative);
        String location = JsonShape.location(errorPath);
        String rest = !relative.isEmpty() && detail.startsWith(location)
                ? detail.substring(location.length())
                : ": " + detail;
        return error(full, nestedPaths(rest, base, relative));
    }

    /** Rewrites the dotted locations a nested message may quote ("a.0.b") as JSON paths under {@code base}. */
    private static String nestedPaths(String rest, List<String> base, List<String> relative) {
        if (relative.isEmpty()) {
            return rest;
        }
        Matcher m = Pattern.compile("\\b" + Pattern.quote(String.join(".", relative)) + "((?:\\.[\\w-]+)*)")
                .matcher(rest);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> path = new ArrayList<>(base);
            path.addAll(relative);
            if (!m.group(1).isEmpty()) {
                path.addAll(List.of(m.group(1).substring(1).split("\\.")));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(jsonPath(path)));
        }
        m.appendTail(out);
        return out.toString();
    }

    ConfigException error(List<String> path, String rest) {
        return new ConfigException(label + ": " + (path.isEmpty() ? "(top level)" : jsonPath(path)) + rest);
    }

    /** Renders a path as JSON path-like text: {@code gateways[0].dlp.policies[1].action}. */
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

    static List<String> withRoot(List<String> path) {
        List<String> rooted = new ArrayList<>();
        rooted.add(ROOT);
        rooted.addAll(path);
        return rooted;
    }

    static List<String> child(List<String> path, String name) {
        List<String> p = new ArrayList<>(path);
        p.add(name);
        return p;
    }
}
