package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.guard.ScanOutcomeJson;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;

/**
 * Renders log entries as the Logs API returns them (management-api.md 4.2): the summary of the list, and the
 * detail, which adds the stored bodies as {@code request_head} / {@code response_head} (whole, so the
 * {@code *_head_complete} flags are true whenever a body was stored) and the body sizes. Guardrails and DLP
 * findings add {@code dlp_action}, {@code dlp} and {@code guardrails} ({@link ScanOutcomeJson}). Optional members that
 * are unset are left out.
 */
public final class LogJson {

    private LogJson() {
    }

    /** Writes an entry as the Logs API lists it. */
    public static ObjectNode summary(LogEntry e) {
        ObjectNode node = Json.object()
                .put("id", e.id())
                .put("created_at", Timestamps.format(e.createdAt()))
                .put("provider", e.provider())
                .put("model", e.model())
                .put("path", e.path())
                .put("request_type", e.requestType())
                .put("step", e.step())
                .put("status_code", e.statusCode())
                .put("success", e.success())
                .put("cached", e.cached())
                .put("duration", e.durationMillis())
                .put("tokens_in", e.tokensIn())
                .put("tokens_out", e.tokensOut())
                .put("cost", e.cost())
                .put("custom_cost", e.customCost())
                .put("wholesale", e.wholesale());
        putIfSet(node, "metadata", e.metadata());
        node.put("event_id", e.eventId());
        putIfSet(node, "request_content_type", e.request().contentType());
        putIfSet(node, "response_content_type", e.response().contentType());
        putIfSet(node, "user_agent", e.userAgent());
        if (e.feedback() != null) {
            node.put("feedback", e.feedback());
        }
        if (e.score() != null) {
            node.put("score", e.score());
        }
        ScanOutcomeJson.putLogMembers(node, e.scan());
        return node;
    }

    static ObjectNode detail(LogEntry e) {
        ObjectNode node = summary(e);
        e.request().text().ifPresent(text -> node.put("request_head", text));
        node.put("request_head_complete", e.request().stored());
        node.put("request_size", e.request().size());
        e.response().text().ifPresent(text -> node.put("response_head", text));
        node.put("response_head_complete", e.response().stored());
        node.put("response_size", e.response().size());
        return node;
    }

    private static void putIfSet(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
