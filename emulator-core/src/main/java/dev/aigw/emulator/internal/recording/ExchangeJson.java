package dev.aigw.emulator.internal.recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.util.Logs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;

/**
 * Reads and writes a recording file: indented JSON with headers in name order, so that a re-recording diffs line by
 * line. Reading refuses a malformed file with the member at fault ({@code response.events[2].at_ms}).
 */
public final class ExchangeJson {

    private static final Logger LOG = Logs.getLogger(ExchangeJson.class);
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> ROOT = Set.of("provider", "request", "response");
    private static final Set<String> REQUEST = Set.of("method", "path", "query", "headers", "body", "body_text");
    private static final Set<String> RESPONSE = Set.of("status", "headers", "head_ms", "body", "body_text", "events");
    private static final Set<String> EVENT = Set.of("at_ms", "event", "data");

    private ExchangeJson() {
    }

    /** Renders an exchange as the text of its file, ending with a new line. */
    public static String render(Exchange exchange) {
        ObjectNode root = Json.object().put("provider", exchange.provider());
        Exchange.Request q = exchange.request();
        ObjectNode request = root.putObject("request").put("method", q.method()).put("path", q.path());
        if (!q.query().isEmpty()) {
            request.put("query", q.query());
        }
        request.set("headers", headers(q.headers()));
        body(request, q.body(), q.bodyText());
        Exchange.Response r = exchange.response();
        ObjectNode response = root.putObject("response").put("status", r.status());
        response.set("headers", headers(r.headers()));
        response.put("head_ms", r.headMillis());
        if (r.streamed()) {
            ArrayNode events = response.putArray("events");
            for (Exchange.TimedEvent e : r.events()) {
                ObjectNode event = events.addObject().put("at_ms", e.atMillis());
                if (e.event() != null) {
                    event.put("event", e.event());
                }
                event.set("data", e.data());
            }
        } else {
            body(response, r.body(), r.bodyText());
        }
        try {
            return PRETTY.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * Reads the text of a recording file.
     *
     * @throws IllegalArgumentException naming the member at fault, e.g. {@code response.status: expected ...}
     */
    public static Exchange parse(byte[] text) {
        JsonNode root;
        try {
            root = Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        object(root, "the file", ROOT);
        String provider = text(root, "provider", "provider");
        JsonNode q = object(root.get("request"), "request", REQUEST);
        Exchange.Request request = new Exchange.Request(text(q, "method", "request.method"),
                path(text(q, "path", "request.path")), optionalText(q, "query", "request.query"),
                headerMap(q.get("headers"), "request.headers"), q.get("body"),
                optionalText(q, "body_text", "request.body_text"));
        JsonNode r = object(root.get("response"), "response", RESPONSE);
        JsonNode status = r.get("status");
        if (status == null || !status.canConvertToInt() || !status.isIntegralNumber() || status.intValue() < 200
                || status.intValue() > 599) {
            throw new IllegalArgumentException("response.status: expected an HTTP status from 200 to 599, got "
                    + status);
        }
        long head = millis(r.get("head_ms"), "response.head_ms", true);
        List<Exchange.TimedEvent> events = null;
        if (r.has("events")) {
            JsonNode list = r.get("events");
            if (!list.isArray()) {
                throw new IllegalArgumentException("response.events: expected an array of events, got " + list);
            }
            events = new ArrayList<>();
            long previous = 0;
            for (int i = 0; i < list.size(); i++) {
                String at = "response.events[" + i + "]";
                JsonNode e = object(list.get(i), at, EVENT);
                long atMillis = millis(e.get("at_ms"), at + ".at_ms", false);
                if (atMillis < previous) {
                    throw new IllegalArgumentException(at + ".at_ms: expected " + previous + " or more (events are"
                            + " in the order they arrived), got " + atMillis);
                }
                previous = atMillis;
                if (!e.has("data")) {
                    throw new IllegalArgumentException(at + ".data: missing");
                }
                events.add(new Exchange.TimedEvent(atMillis, optionalText(e, "event", at + ".event"), e.get("data")));
            }
        }
        return new Exchange(provider, request, new Exchange.Response(status.intValue(),
                headerMap(r.get("headers"), "response.headers"), head, events == null ? r.get("body") : null,
                optionalText(r, "body_text", "response.body_text"), events));
    }

    private static void body(ObjectNode into, JsonNode body, String text) {
        if (body != null) {
            into.set("body", body);
        } else if (text != null) {
            into.put("body_text", text);
        }
    }

    private static ObjectNode headers(Map<String, String> headers) {
        ObjectNode out = Json.object();
        new TreeMap<>(headers).forEach(out::put);
        return out;
    }

    private static JsonNode object(JsonNode node, String where, Set<String> members) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object, got " + (node == null ? "nothing" : node));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!members.contains(name)) {
                throw new IllegalArgumentException((where.equals("the file") ? "" : where + ".") + name
                        + ": unknown member; expected one of " + new java.util.TreeSet<>(members));
            }
        }
        return node;
    }

    private static String text(JsonNode node, String member, String where) {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new IllegalArgumentException(where + ": expected a non-empty string, got "
                    + (value == null ? "nothing" : value));
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode node, String member, String where) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(where + ": expected a string, got " + value);
        }
        return value.textValue();
    }

    private static String path(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("request.path: expected a path starting with /, got \"" + path + "\"");
        }
        return path;
    }

    private static long millis(JsonNode value, String where, boolean optional) {
        if (value == null && optional) {
            return 0;
        }
        if (value == null || !value.isIntegralNumber() || value.longValue() < 0
                || value.longValue() > 86_400_000L) {
            throw new IllegalArgumentException(where + ": expected milliseconds from 0 to 86400000, got "
                    + (value == null ? "nothing" : value));
        }
        return value.longValue();
    }

    private static Map<String, String> headerMap(JsonNode node, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object of header names to values, got " + node);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException(where + "." + e.getKey() + ": expected a string, got "
                        + e.getValue());
            }
            out.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().textValue());
        }
        return out;
    }

    /** Returns a body as a JSON value when it parses as JSON, else {@code null}. */
    static JsonNode jsonOrNull(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            return Json.parse(bytes);
        } catch (JsonProcessingException e) {
            LOG.trace("A body that is not JSON is kept as text", e);
            return null;
        }
    }

    /** Returns an event's data as a recording holds it: a JSON object or array as JSON, anything else as text. */
    static JsonNode eventData(String data) {
        JsonNode json = jsonOrNull(data.getBytes(StandardCharsets.UTF_8));
        return json != null && json.isContainerNode() ? json : com.fasterxml.jackson.databind.node.TextNode.valueOf(data);
    }

    /** Returns the bytes a recorded JSON body or text goes out as. */
    static byte[] bytes(JsonNode body, String text) {
        if (body != null) {
            return Json.bytes(body);
        }
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
