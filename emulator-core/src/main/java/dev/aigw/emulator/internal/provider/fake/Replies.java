package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.util.Logs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/** Builds the replies of the fake providers and reads their request bodies. */
final class Replies {

    private static final Logger LOG = Logs.getLogger(Replies.class);

    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream";

    private Replies() {
    }

    /** Answers a JSON body with a status and extra headers ({@code content-type} is added). */
    static UpstreamReply json(int status, JsonNode body, Map<String, String> headers) {
        return json(status, Json.bytes(body), headers);
    }

    /** Answers JSON bytes with a status and extra headers ({@code content-type} is added). */
    static UpstreamReply json(int status, byte[] body, Map<String, String> headers) {
        return new UpstreamReply(status, withContentType(headers, JSON), new UpstreamReply.Full(body));
    }

    /** Returns the headers plus a content type, as the immutable map a reply keeps (so it is not copied again). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> withContentType(Map<String, String> headers, String contentType) {
        String given = headers.get("content-type");
        if (contentType.equals(given)) {
            return headers;
        }
        if (given != null) {
            Map<String, String> all = new HashMap<>(headers);
            all.put("content-type", contentType);
            return Map.copyOf(all);
        }
        Map.Entry<String, String>[] entries = new Map.Entry[headers.size() + 1];
        int i = 0;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            entries[i++] = Map.entry(e.getKey(), e.getValue());
        }
        entries[i] = Map.entry("content-type", contentType);
        return Map.ofEntries(entries);
    }

    /** Answers a 200 event stream with extra headers ({@code content-type} is added). */
    static UpstreamReply sse(List<SseEvent> events, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("content-type", EVENT_STREAM);
        all.put("cache-control", "no-cache");
        return new UpstreamReply(200, all, new UpstreamReply.Stream(events));
    }

    /** Returns a data-only event carrying a JSON payload. */
    static SseEvent data(JsonNode payload) {
        return new SseEvent(null, Json.text(payload));
    }

    /** Returns a named event carrying a JSON payload. */
    static SseEvent named(String event, JsonNode payload) {
        return new SseEvent(event, Json.text(payload));
    }

    /** Parses the request body as a JSON object; empty when it is absent, malformed or not an object. */
    static Optional<ObjectNode> object(UpstreamRequest request) {
        try {
            JsonNode node = Json.parse(request.body());
            return node != null && node.isObject() ? Optional.of((ObjectNode) node) : Optional.empty();
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.debug("The request body for the fake of {} is not JSON", request.provider(), e);
            return Optional.empty();
        }
    }

    /** Returns the request's path without a trailing slash. */
    static String path(UpstreamRequest request) {
        String p = request.path();
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** Tells whether the raw query string holds {@code name=value}. */
    static boolean queryHas(UpstreamRequest request, String name, String value) {
        for (String pair : request.query().split("&")) {
            if (pair.equals(name + "=" + value)) {
                return true;
            }
        }
        return false;
    }

    /** Returns a positive integer member, or 0 when absent or not a positive integer. */
    static int positiveInt(JsonNode object, String name) {
        JsonNode n = object.path(name);
        return n.canConvertToInt() && n.isIntegralNumber() && n.intValue() > 0 ? n.intValue() : 0;
    }

    /** Returns a text member, or the fallback when absent or not text. */
    static String text(JsonNode object, String name, String fallback) {
        JsonNode n = object.path(name);
        return n.isTextual() ? n.textValue() : fallback;
    }
}
