package dev.aigw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.log.LogField;
import dev.aigw.emulator.internal.log.LogFilter;
import dev.aigw.emulator.internal.management.LogFilterParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Selects log entries with the Logs API's filters and search, for {@link AiGatewayEmulator#logs(String, LogQuery)}:
 * an entry must pass every filter, and a filter with several values passes an entry that has any of them.
 *
 * <pre>{@code
 * List<LogEntry> failures = emulator.logs("my-gateway",
 *         LogQuery.builder().provider("openai").success(false).build());
 * List<LogEntry> slow = emulator.logs("my-gateway", LogQuery.builder().filter("duration", "gt", 1000).build());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LogQuery {

    private static final LogQuery ALL = new Builder().build();

    private final List<LogFilter> filters;
    private final String search;

    private LogQuery(List<LogFilter> filters, String search) {
        this.filters = List.copyOf(filters);
        this.search = search;
    }

    /** Returns a query that selects every entry. */
    public static LogQuery all() {
        return ALL;
    }

    /** Returns a builder of a query with no filter yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the query as the management API's Logs API runs it, sorted as the entries are given. */
    dev.aigw.emulator.internal.management.LogQuery toInternal() {
        return new dev.aigw.emulator.internal.management.LogQuery(filters, search, LogField.CREATED_AT, false);
    }

    @Override
    public String toString() {
        return "LogQuery[filters=" + filters + (search.isEmpty() ? "" : ", search=" + search) + "]";
    }

    /** Builds a {@link LogQuery}; each method adds a filter that entries must pass. Not thread-safe. */
    public static final class Builder {

        private final List<LogFilter> filters = new ArrayList<>();
        private String search = "";

        private Builder() {
        }

        /** Keeps the entries of one provider slug, e.g. {@code openai} ({@code provider eq}). */
        public Builder provider(String provider) {
            return filter("provider", "eq", Objects.requireNonNull(provider, "provider"));
        }

        /** Keeps the entries of one model, e.g. {@code gpt-4o-mini} ({@code model eq}). */
        public Builder model(String model) {
            return filter("model", "eq", Objects.requireNonNull(model, "model"));
        }

        /** Keeps the entries whose response was (or was not) a 2xx ({@code success eq}). */
        public Builder success(boolean success) {
            return filter("success", "eq", success);
        }

        /** Keeps the entries served (or not served) from the cache ({@code cached eq}). */
        public Builder cached(boolean cached) {
            return filter("cached", "eq", cached);
        }

        /**
         * Adds a filter of the Logs API: a key ({@code id}, {@code created_at}, {@code provider}, {@code model},
         * {@code success}, {@code cached}, {@code cost}, {@code tokens_in}, {@code tokens_out}, {@code duration},
         * {@code feedback}, {@code metadata.key}, ...), an operator ({@code eq}, {@code neq}, {@code contains},
         * {@code lt}, {@code gt}) and one or more values: strings, numbers, booleans, {@link Instant}s or
         * {@code null} (an unset field).
         *
         * @throws ManagementApiException if the Logs API would refuse the filter (400/7001 at
         *     {@code [query, filters]}, with its message)
         */
        public Builder filter(String key, String operator, Object... values) {
            List<JsonNode> json = new ArrayList<>();
            for (Object value : values == null ? new Object[] {null} : values) {
                json.add(json(value));
            }
            try {
                filters.add(LogFilterParser.filter(filters.size(), key, operator, json));
            } catch (ApiException e) {
                throw ManagementApiException.of(e, null);
            }
            return this;
        }

        /** Keeps the entries whose id, provider, model or path contains this text, ignoring case ({@code search}). */
        public Builder search(String text) {
            this.search = Objects.requireNonNull(text, "text").toLowerCase(Locale.ROOT);
            return this;
        }

        /** Returns the query. */
        public LogQuery build() {
            return new LogQuery(filters, search);
        }

        private static JsonNode json(Object value) {
            if (value == null) {
                return NullNode.getInstance();
            }
            if (value instanceof String || value instanceof Instant) {
                return TextNode.valueOf(value.toString());
            }
            if (value instanceof Boolean b) {
                return BooleanNode.valueOf(b);
            }
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return LongNode.valueOf(((Number) value).longValue());
            }
            if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
                throw new IllegalArgumentException("a log filter value must be a finite number, got " + value);
            }
            if (value instanceof Number n) {
                return DecimalNode.valueOf(new BigDecimal(n.toString()));
            }
            throw new IllegalArgumentException("a log filter value is a String, a Number, a Boolean, an Instant or"
                    + " null, got a " + value.getClass().getName() + ": " + value);
        }
    }
}
