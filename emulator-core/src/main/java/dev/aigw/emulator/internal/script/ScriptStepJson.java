package dev.aigw.emulator.internal.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.UpstreamBehavior;
import dev.aigw.emulator.UpstreamFault;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and writes the JSON form of script steps, shared by the control API, the standalone config file and the
 * remote emulator, so that a step written here reads back as the same behaviour and repetition:
 * {@code {"status":503,"headers":{...},"body":...,"events":[...],"latency_ms":N,"time_to_first_token_ms":N,
 * "event_interval_ms":N,"tokens_per_second":N}} (milliseconds may have a fraction down to the nanosecond) or {@code {"fault":"hang"|"connection_reset"|
 * "empty_response"|"broken_stream"|"malformed_body","after_events":N}}, each with {@code "times":N|"always"}
 * (default 1), or {@code "every_nth":N}, or {@code "probability":P,"seed":S}. A member it does not know is
 * refused, naming the closest one.
 */
public final class ScriptStepJson {

    /** One parsed step. */
    public record ScriptStep(UpstreamBehavior behavior, Scripts.Repeat repeat) {
    }

    /** The faults by their JSON names: each builds its fault from a step and knows the type it builds. */
    private enum Fault {
        HANG("hang", UpstreamFault.Hang.class, step -> UpstreamFault.hang()),
        CONNECTION_RESET("connection_reset", UpstreamFault.ConnectionReset.class,
                step -> UpstreamFault.connectionReset()),
        EMPTY_RESPONSE("empty_response", UpstreamFault.EmptyResponse.class, step -> UpstreamFault.emptyResponse()),
        BROKEN_STREAM("broken_stream", UpstreamFault.BrokenStream.class,
                step -> UpstreamFault.brokenStream(step.path("after_events").asInt(1))),
        MALFORMED_BODY("malformed_body", UpstreamFault.MalformedBody.class, step -> UpstreamFault.malformedBody());

        private final String json;
        private final Class<? extends UpstreamFault> type;
        private final Function<JsonNode, UpstreamFault> create;

        Fault(String json, Class<? extends UpstreamFault> type, Function<JsonNode, UpstreamFault> create) {
            this.json = json;
            this.type = type;
            this.create = create;
        }

        static Fault named(String json) {
            return Arrays.stream(values()).filter(f -> f.json.equals(json)).findFirst().orElseThrow();
        }

        static Fault of(UpstreamFault fault) {
            return Arrays.stream(values()).filter(f -> f.type.isInstance(fault)).findFirst().orElseThrow();
        }
    }

    private static final JsonShape MILLIS = JsonShape.millis(86_400_000L);

    private static final JsonShape.Obj STEP = JsonShape.closedObject(
            JsonShape.optional("status", JsonShape.integer(100, 599)),
            JsonShape.optional("headers", JsonShape.mapOf(JsonShape.text(0, 8192))),
            JsonShape.optionalNullable("body", JsonShape.anything()),
            JsonShape.optional("events", JsonShape.arrayOf(JsonShape.text(0, Integer.MAX_VALUE))),
            JsonShape.optional("latency_ms", MILLIS),
            JsonShape.optional("time_to_first_token_ms", MILLIS),
            JsonShape.optional("event_interval_ms", MILLIS),
            JsonShape.optional("tokens_per_second", JsonShape.number(0.001, 1_000_000)),
            JsonShape.optional("fault", JsonShape.oneOf(Arrays.stream(Fault.values()).map(f -> f.json)
                    .toArray(String[]::new))),
            JsonShape.optional("after_events", JsonShape.integer(0, 1_000_000)),
            JsonShape.optional("times", JsonShape.anyOf("an integer >= 1 or \"always\"",
                    JsonShape.integer(1, Integer.MAX_VALUE), JsonShape.oneOf("always"))),
            JsonShape.optional("every_nth", JsonShape.integer(1, Integer.MAX_VALUE)),
            JsonShape.optional("probability", JsonShape.number(0, 1)),
            JsonShape.optional("seed", JsonShape.integer(Long.MIN_VALUE, Long.MAX_VALUE)));

    private ScriptStepJson() {
    }

    /** Parses an array of steps found at {@code path}; every problem is a 400/7001 naming the field. */
    public static List<ScriptStep> parse(JsonNode steps, List<String> path) {
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw ApiException.validation(JsonShape.location(path) + ": expected a non-empty array of steps", path);
        }
        List<ScriptStep> parsed = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            List<String> at = new ArrayList<>(path);
            at.add(String.valueOf(i));
            parsed.add(parseStep(steps.get(i), at));
        }
        return parsed;
    }

    /** Writes a queued entry as the step that would queue it now: {@code times} is what is left of its count. */
    public static ObjectNode render(UpstreamBehavior behavior, Scripts.Repeat repeat) {
        ObjectNode node = behavior instanceof UpstreamResponse response ? response(response) : fault((UpstreamFault) behavior);
        if (repeat instanceof Scripts.Repeat.Times times) {
            node.put("times", times.count());
        } else if (repeat instanceof Scripts.Repeat.Always) {
            node.put("times", "always");
        } else if (repeat instanceof Scripts.Repeat.EveryNth nth) {
            node.put("every_nth", nth.n());
        } else if (repeat instanceof Scripts.Repeat.WithProbability p) {
            node.put("probability", p.p()).put("seed", p.seed());
        }
        return node;
    }

    /** Parses one step found at {@code path}; every problem is a 400/7001 naming the field. */
    public static ScriptStep parseStep(JsonNode node, List<String> path) {
        STEP.check(node, path);
        JsonNode status = node.get("status");
        if (status != null && status.intValue() < 200) {
            List<String> at = new ArrayList<>(path);
            at.add("status");
            throw ApiException.validation(JsonShape.location(at) + ": " + status.intValue() + " is an informational"
                    + " (1xx) status, which HTTP cannot send as a final response; use a status from 200 to 599", at);
        }
        boolean fault = node.has("fault");
        if (fault && (node.has("status") || node.has("body") || node.has("events"))) {
            throw ApiException.validation(JsonShape.location(path)
                    + ": a step is either a response (status, body, events) or a fault, not both", path);
        }
        if (node.has("body") && node.has("events")) {
            throw ApiException.validation(JsonShape.location(path) + ": a response has a body or events, not both", path);
        }
        return new ScriptStep(fault ? Fault.named(node.get("fault").textValue()).create.apply(node) : response(node),
                repeat(node, path));
    }

    private static UpstreamBehavior response(JsonNode node) {
        UpstreamResponse.Builder b = UpstreamResponse.builder().status(node.path("status").asInt(200))
                .latency(millis(node, "latency_ms"))
                .timeToFirstToken(millis(node, "time_to_first_token_ms"))
                .eventInterval(millis(node, "event_interval_ms"));
        if (node.has("tokens_per_second")) {
            b.tokensPerSecond(node.get("tokens_per_second").doubleValue());
        }
        JsonNode headers = node.get("headers");
        if (headers != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                b.header(e.getKey(), e.getValue().textValue());
            }
        }
        JsonNode body = node.get("body");
        if (body != null && !body.isNull()) {
            b.body(body.isTextual() ? body.textValue() : Json.text(body));
        }
        JsonNode events = node.get("events");
        if (events != null) {
            List<String> data = new ArrayList<>();
            events.forEach(e -> data.add(e.textValue()));
            b.events(data);
        }
        return b.build();
    }

    private static ObjectNode response(UpstreamResponse response) {
        ObjectNode node = Json.object().put("status", response.status());
        if (!response.headers().isEmpty()) {
            ObjectNode headers = node.putObject("headers");
            response.headers().forEach(headers::put);
        }
        if (response.body() != null) {
            node.put("body", response.body());
        }
        if (response.events() != null) {
            response.events().forEach(node.putArray("events")::add);
        }
        putMillis(node, "latency_ms", response.latency());
        putMillis(node, "time_to_first_token_ms", response.timeToFirstToken());
        putMillis(node, "event_interval_ms", response.eventInterval());
        return node;
    }

    private static ObjectNode fault(UpstreamFault fault) {
        ObjectNode node = Json.object().put("fault", Fault.of(fault).json);
        if (fault instanceof UpstreamFault.BrokenStream broken) {
            node.put("after_events", broken.afterEvents());
        }
        return node;
    }

    private static void putMillis(ObjectNode node, String field, Duration duration) {
        if (duration.isZero()) {
            return;
        }
        BigDecimal millis = BigDecimal.valueOf(duration.getSeconds()).movePointRight(3)
                .add(BigDecimal.valueOf(duration.getNano(), 6)).stripTrailingZeros();
        if (millis.scale() <= 0) {
            node.put(field, millis.longValue());
        } else {
            node.put(field, millis);
        }
    }

    private static Scripts.Repeat repeat(JsonNode node, List<String> path) {
        int kinds = (node.has("times") ? 1 : 0) + (node.has("every_nth") ? 1 : 0) + (node.has("probability") ? 1 : 0);
        if (kinds > 1) {
            throw ApiException.validation(JsonShape.location(path)
                    + ": use one of times, every_nth or probability, not several", path);
        }
        if (node.has("every_nth")) {
            return new Scripts.Repeat.EveryNth(node.get("every_nth").intValue());
        }
        if (node.has("probability")) {
            return new Scripts.Repeat.WithProbability(node.get("probability").doubleValue(), node.path("seed").asLong(0));
        }
        JsonNode times = node.get("times");
        if (times != null && times.isTextual()) {
            return new Scripts.Repeat.Always();
        }
        return new Scripts.Repeat.Times(times == null ? 1 : times.intValue());
    }

    private static Duration millis(JsonNode node, String field) {
        JsonNode millis = node.get(field);
        return millis == null ? Duration.ZERO : Duration.ofNanos(millis.decimalValue().movePointRight(6).longValueExact());
    }
}
