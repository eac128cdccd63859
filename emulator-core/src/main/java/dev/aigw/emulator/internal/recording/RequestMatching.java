package dev.aigw.emulator.internal.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a request is the one a recording was made of: same method, path and query, and a JSON-equal body
 * once the ignored members (and the redacted ones, which a recording no longer holds) are left out; or, when
 * matching on model and messages only, the same {@code model} and conversation. Says how two requests differ, for
 * the answer to a request no recording matches.
 */
final class RequestMatching {

    private static final Set<String> CONVERSATION = Set.of("model", "messages", "contents", "input", "system");
    private static final int DIFFERENCES_SHOWN = 4;

    private final boolean modelAndMessagesOnly;
    private final Set<String> ignored;

    RequestMatching(boolean modelAndMessagesOnly, Set<String> ignored) {
        this.modelAndMessagesOnly = modelAndMessagesOnly;
        this.ignored = Set.copyOf(ignored);
    }

    /** Tells whether a request matches a recorded one. */
    boolean matches(Exchange.Request recorded, Exchange.Request sent) {
        return differences(recorded, sent).isEmpty();
    }

    /** Returns how a sent request differs from a recorded one, the first few differences, each in a line. */
    List<String> differences(Exchange.Request recorded, Exchange.Request sent) {
        List<String> out = new ArrayList<>();
        if (!recorded.method().equals(sent.method())) {
            out.add("method: recorded " + recorded.method() + ", sent " + sent.method());
        }
        if (!recorded.path().equals(sent.path())) {
            out.add("path: recorded " + recorded.path() + ", sent " + sent.path());
        }
        if (!recorded.query().equals(sent.query())) {
            out.add("query: recorded \"" + recorded.query() + "\", sent \"" + sent.query() + "\"");
        }
        JsonNode a = comparable(recorded);
        JsonNode b = comparable(sent);
        if (a != null && b != null) {
            diff(a, b, "body", out);
        } else if ((a == null) != (b == null)) {
            out.add("body: recorded " + (a == null ? "no JSON" : "JSON") + ", sent " + (b == null ? "no JSON" : "JSON"));
        } else if (!text(recorded).equals(text(sent))) {
            out.add("body: recorded " + brief(text(recorded)) + ", sent " + brief(text(sent)));
        }
        return out.size() > DIFFERENCES_SHOWN ? out.subList(0, DIFFERENCES_SHOWN) : out;
    }

    /** Returns a short hash of what the request is matched on, for its file name. */
    String hash(Exchange.Request request) {
        JsonNode body = comparable(request);
        String key = request.method() + " " + request.path() + "?" + request.query() + "\n"
                + (body != null ? Json.text(body) : text(request));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private JsonNode comparable(Exchange.Request request) {
        if (request.body() == null) {
            return null;
        }
        JsonNode copy = request.body().deepCopy();
        if (modelAndMessagesOnly && copy instanceof ObjectNode object) {
            object.retain(CONVERSATION);
        }
        strip(copy, "");
        return copy;
    }

    private void strip(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            Set<String> names = new LinkedHashSet<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path.isEmpty() ? name : path + "." + name;
                if (ignored.contains(name) || ignored.contains(child)) {
                    object.remove(name);
                } else {
                    strip(object.get(name), child);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> strip(item, path));
        }
    }

    private static void diff(JsonNode recorded, JsonNode sent, String path, List<String> out) {
        if (recorded.equals(sent)) {
            return;
        }
        if (recorded.isObject() && sent.isObject()) {
            recorded.fieldNames().forEachRemaining(name -> {
                if (!sent.has(name)) {
                    out.add(path + "." + name + ": only in the recording");
                } else {
                    diff(recorded.get(name), sent.get(name), path + "." + name, out);
                }
            });
            sent.fieldNames().forEachRemaining(name -> {
                if (!recorded.has(name)) {
                    out.add(path + "." + name + ": only in the request sent");
                }
            });
            return;
        }
        if (recorded.isArray() && sent.isArray()) {
            if (recorded.size() != sent.size()) {
                out.add(path + ": recorded " + recorded.size() + " items, sent " + sent.size());
            }
            for (int i = 0; i < Math.min(recorded.size(), sent.size()); i++) {
                diff(recorded.get(i), sent.get(i), path + "[" + i + "]", out);
            }
            return;
        }
        out.add(path + ": recorded " + brief(Json.text(recorded)) + ", sent " + brief(Json.text(sent)));
    }

    private static String text(Exchange.Request request) {
        return request.bodyText() == null ? "" : request.bodyText();
    }

    private static String brief(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
