package dev.aigw.emulator.internal.wire;

import static dev.aigw.emulator.internal.wire.RecordedRequestJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.guard.ScanOutcomeJson;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.management.LogJson;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Instant;

/**
 * A log entry with every field of the Java API's {@link LogEntry}, as {@code GET /__emulator/logs/{gateway_id}}
 * lists it: what the Logs API of the management API lists, and what it leaves out (whether the request was
 * authenticated, the bodies as bytes). Written by the control API, read back by the remote emulator as the same
 * entry.
 */
public final class LogEntryJson {

    private LogEntryJson() {
    }

    /**
     * Writes a log entry: the members the Logs API lists, {@code created_at} exact below the millisecond, and
     * {@code authenticated}, {@code request} and {@code response} with their bodies.
     */
    public static ObjectNode render(LogEntry e) {
        ObjectNode node = LogJson.summary(e);
        node.put("created_at", Timestamps.formatExact(e.createdAt()));
        node.put("authenticated", e.authenticated());
        node.set("request", payload(e.request()));
        node.set("response", payload(e.response()));
        return node;
    }

    /** Reads what {@link #render} wrote. */
    public static LogEntry parse(JsonNode n) {
        return new LogEntry(text(n, "id"), Instant.parse(text(n, "created_at")), text(n, "provider"),
                text(n, "model"), text(n, "path"), text(n, "request_type"), n.get("step").intValue(),
                n.get("status_code").intValue(), n.get("success").booleanValue(), n.get("cached").booleanValue(),
                n.get("duration").longValue(), integer(n.get("tokens_in")), integer(n.get("tokens_out")),
                n.get("cost").doubleValue(), n.get("custom_cost").booleanValue(), text(n, "metadata"),
                text(n, "event_id"), text(n, "user_agent"), n.get("authenticated").booleanValue(),
                n.get("wholesale").booleanValue(),
                payload(n.get("request")), payload(n.get("response")), decimal(n.get("feedback")),
                decimal(n.get("score")), ScanOutcomeJson.parseLogMembers(n));
    }

    private static ObjectNode payload(LogEntry.Payload payload) {
        ObjectNode node = Json.object().put("content_type", payload.contentType()).put("size", payload.size());
        Bodies.put(node, payload.body());
        return node;
    }

    private static LogEntry.Payload payload(JsonNode node) {
        return new LogEntry.Payload(text(node, "content_type"), node.get("size").longValue(), Bodies.read(node));
    }

    private static Integer integer(JsonNode node) {
        return node == null || node.isNull() ? null : node.intValue();
    }

    private static Double decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.doubleValue();
    }
}
