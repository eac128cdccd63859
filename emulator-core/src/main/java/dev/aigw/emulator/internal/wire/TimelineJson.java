package dev.aigw.emulator.internal.wire;

import static dev.aigw.emulator.internal.wire.RecordedRequestJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A request's timeline as {@code GET /__emulator/timelines} lists it, each attempt's outcome by its
 * {@link Timeline.Outcome#jsonName()}: written by the control API, read back by the remote emulator as the same
 * {@link Timeline}.
 */
public final class TimelineJson {

    private TimelineJson() {
    }

    /** Writes a timeline. */
    public static ObjectNode render(Timeline t) {
        ObjectNode node = Json.object()
                .put("request_id", t.requestId())
                .put("log_id", t.logId())
                .put("account_id", t.accountId())
                .put("gateway_id", t.gatewayId())
                .put("provider", t.provider())
                .put("started_at", Timestamps.formatExact(t.startedAt()))
                .put("status", t.status())
                .put("test_id", t.testId());
        ArrayNode attempts = node.putArray("attempts");
        for (Timeline.Attempt a : t.attempts()) {
            attempts.addObject()
                    .put("step", a.step())
                    .put("provider", a.provider())
                    .put("attempt", a.attempt())
                    .put("start_offset_ms", a.startOffsetMillis())
                    .put("end_offset_ms", a.endOffsetMillis())
                    .put("outcome", a.outcome().jsonName())
                    .put("delay_before_next_ms", a.delayBeforeNextMillis())
                    .put("status", a.status());
        }
        if (t.route() != null) {
            ObjectNode route = node.putObject("route")
                    .put("name", t.route().name())
                    .put("route_id", t.route().routeId())
                    .put("version_id", t.route().versionId());
            ArrayNode visited = route.putArray("visited");
            t.route().visited().forEach(visited::add);
            ObjectNode choices = route.putObject("choices");
            t.route().choices().forEach(choices::put);
            ArrayNode visits = route.putArray("visits");
            for (Timeline.Visit v : t.route().visits()) {
                visits.addObject()
                        .put("element_id", v.elementId())
                        .put("type", v.type())
                        .put("offset_ms", v.offsetMillis())
                        .put("output", v.output())
                        .put("reason", v.reason());
            }
        }
        if (t.refusal() != null) {
            node.putObject("refusal")
                    .put("status", t.refusal().status())
                    .put("code", t.refusal().code())
                    .put("reason", t.refusal().reason())
                    .put("offset_ms", t.refusal().offsetMillis());
        }
        return node;
    }

    /** Reads what {@link #render} wrote. */
    public static Timeline parse(JsonNode node) {
        List<Timeline.Attempt> attempts = new ArrayList<>();
        for (JsonNode a : node.get("attempts")) {
            JsonNode status = a.get("status");
            attempts.add(new Timeline.Attempt(a.get("step").intValue(), text(a, "provider"), a.get("attempt").intValue(),
                    a.get("start_offset_ms").longValue(), a.get("end_offset_ms").longValue(),
                    outcome(text(a, "outcome")), status == null || status.isNull() ? null : status.intValue(),
                    a.get("delay_before_next_ms").longValue()));
        }
        Timeline.Route route = null;
        JsonNode r = node.get("route");
        if (r != null && r.isObject()) {
            List<Timeline.Visit> visits = new ArrayList<>();
            for (JsonNode v : r.get("visits")) {
                visits.add(new Timeline.Visit(text(v, "element_id"), text(v, "type"), v.get("offset_ms").longValue(),
                        text(v, "output"), text(v, "reason")));
            }
            route = new Timeline.Route(text(r, "name"), text(r, "route_id"), text(r, "version_id"), visits);
        }
        return new Timeline(text(node, "request_id"), text(node, "log_id"), text(node, "account_id"),
                text(node, "gateway_id"), text(node, "provider"), Instant.parse(text(node, "started_at")),
                node.get("status").intValue(), text(node, "test_id"), attempts, route, refusal(node.get("refusal")));
    }

    private static Timeline.Refusal refusal(JsonNode r) {
        return r == null || !r.isObject() ? null : new Timeline.Refusal(r.get("status").intValue(),
                r.get("code").intValue(), text(r, "reason"), r.get("offset_ms").longValue());
    }

    private static Timeline.Outcome outcome(String jsonName) {
        return Arrays.stream(Timeline.Outcome.values()).filter(o -> o.jsonName().equals(jsonName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no attempt outcome is called \"" + jsonName + "\""));
    }
}
