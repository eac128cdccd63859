package dev.aigw.emulator.testcontainers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Describes what a provider's upstream does on one attempt, in the control API's step form: a response
 * ({@code status(503)}) or a fault ({@code fault(Fault.HANG)}), repeated {@code times(n)} or {@code always()}.
 * Immutable: every method returns a changed copy.
 *
 * <pre>{@code
 * container.control().script("openai").enqueue(ScriptStep.status(503).times(4));
 * }</pre>
 */
public final class ScriptStep {

    /** Names a failure of the upstream connection instead of a response. */
    public enum Fault {
        /** No response at all: the gateway's request timeout decides what happens. */
        HANG,
        /** The connection is reset before a response. */
        CONNECTION_RESET,
        /** The connection closes without a response. */
        EMPTY_RESPONSE,
        /** Some stream events, then the connection drops (see {@link #afterEvents(int)}). */
        BROKEN_STREAM,
        /** A response whose body is not what the provider sends. */
        MALFORMED_BODY;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode node;

    private ScriptStep(ObjectNode node) {
        this.node = node;
    }

    /** Returns a response with this HTTP status; its body is the provider's own error or success body. */
    public static ScriptStep status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be from 100 to 599, got " + status);
        }
        return new ScriptStep(JSON.createObjectNode().put("status", status));
    }

    /** Returns a fault of the upstream connection. */
    public static ScriptStep fault(Fault fault) {
        return new ScriptStep(JSON.createObjectNode().put("fault", Objects.requireNonNull(fault, "fault").json()));
    }

    /**
     * Returns a step written in the control API's JSON form, for what the other methods do not cover
     * ({@code events}, {@code every_nth}, {@code probability}, ...).
     *
     * @throws IllegalArgumentException if {@code json} is not a JSON object
     */
    public static ScriptStep json(String json) {
        try {
            JsonNode parsed = JSON.readTree(json);
            if (parsed == null || !parsed.isObject()) {
                throw new IllegalArgumentException("a step is a JSON object, got: " + json);
            }
            return new ScriptStep((ObjectNode) parsed);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a step is a JSON object; this is not JSON: " + json, e);
        }
    }

    /** Returns a copy that also sends this response header (e.g. {@code retry-after}). */
    public ScriptStep header(String name, String value) {
        ObjectNode copy = node.deepCopy();
        copy.withObjectProperty("headers").put(Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(value, "value"));
        return new ScriptStep(copy);
    }

    /** Returns a copy whose response body is this text instead of the provider's own. */
    public ScriptStep body(String body) {
        return with("body", Objects.requireNonNull(body, "body"));
    }

    /** Returns a copy that waits this long (emulator time) before the response starts. */
    public ScriptStep latency(Duration latency) {
        return with("latency_ms", latency.toMillis());
    }

    /** Returns a copy of a {@link Fault#BROKEN_STREAM} that drops the connection after this many events. */
    public ScriptStep afterEvents(int events) {
        return with("after_events", events);
    }

    /** Returns a copy that applies to the next {@code times} matching attempts (default 1). */
    public ScriptStep times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1, got " + times);
        }
        return with("times", times);
    }

    /** Returns a copy that applies to every matching attempt until the script is cleared. */
    public ScriptStep always() {
        return with("times", "always");
    }

    /** Returns the step as the control API takes it, e.g. {@code {"status":503,"times":4}}. */
    public String toJson() {
        return node.toString();
    }

    JsonNode node() {
        return node.deepCopy();
    }

    private ScriptStep with(String name, Object value) {
        ObjectNode copy = node.deepCopy();
        copy.set(name, JSON.valueToTree(value));
        return new ScriptStep(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScriptStep step && step.node.equals(node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return "ScriptStep" + toJson();
    }
}
