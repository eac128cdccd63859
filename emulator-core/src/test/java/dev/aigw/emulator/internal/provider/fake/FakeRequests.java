package dev.aigw.emulator.internal.provider.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds upstream requests and reads replies for the fake provider tests. */
final class FakeRequests {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private FakeRequests() {
    }

    static UpstreamRequest post(String provider, String path, String body) {
        return request(provider, "POST", path, "", body);
    }

    static UpstreamRequest request(String provider, String method, String path, String query, String body) {
        return new UpstreamRequest(provider, method, path, query, Map.of("content-type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8), NOW);
    }

    static JsonNode json(UpstreamReply reply) {
        try {
            return Json.parse(((UpstreamReply.Full) reply.body()).bytes());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text(reply), e);
        }
    }

    static String text(UpstreamReply reply) {
        return new String(((UpstreamReply.Full) reply.body()).bytes(), StandardCharsets.UTF_8);
    }

    static List<SseEvent> events(UpstreamReply reply) {
        return ((UpstreamReply.Stream) reply.body()).events();
    }

    /** Parses the data of every event but a trailing {@code [DONE]}. */
    static List<JsonNode> data(UpstreamReply reply) {
        List<JsonNode> nodes = new ArrayList<>();
        for (SseEvent e : events(reply)) {
            if (!e.data().equals("[DONE]")) {
                try {
                    nodes.add(Json.parse(e.data()));
                } catch (Exception ex) {
                    throw new AssertionError(ex);
                }
            }
        }
        return nodes;
    }

    static byte[] wire(UpstreamReply reply) {
        if (reply.body() instanceof UpstreamReply.Full full) {
            return full.bytes();
        }
        StringBuilder sb = new StringBuilder();
        for (SseEvent e : events(reply)) {
            sb.append(new String(e.toBytes(), StandardCharsets.UTF_8));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
