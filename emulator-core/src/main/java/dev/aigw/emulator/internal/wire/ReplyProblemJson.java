package dev.aigw.emulator.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.ReplyProblem;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Instant;
import java.util.Locale;

/**
 * A {@link ReplyProblem} as {@code GET /__emulator/reply-problems} lists it, {@code {"kind": "unmatched" |
 * "schema_violation" | "unsupported_schema", "provider", "gateway_id", "test_id", "at", "message"}}: written by the
 * control API and read back by the remote emulator as the same value.
 */
public final class ReplyProblemJson {

    private ReplyProblemJson() {
    }

    /** Writes a problem; {@code at} to the nanosecond. */
    public static ObjectNode render(ReplyProblem p) {
        return Json.object().put("kind", p.kind().name().toLowerCase(Locale.ROOT)).put("provider", p.provider())
                .put("gateway_id", p.gatewayId()).put("test_id", p.testId()).put("at", Timestamps.formatExact(p.at()))
                .put("message", p.message());
    }

    /** Reads what {@link #render} wrote. */
    public static ReplyProblem parse(JsonNode node) {
        return new ReplyProblem(ReplyProblem.Kind.valueOf(node.get("kind").textValue().toUpperCase(Locale.ROOT)),
                RecordedRequestJson.text(node, "provider"), RecordedRequestJson.text(node, "gateway_id"),
                RecordedRequestJson.text(node, "test_id"), Instant.parse(node.get("at").textValue()),
                RecordedRequestJson.text(node, "message"));
    }
}
