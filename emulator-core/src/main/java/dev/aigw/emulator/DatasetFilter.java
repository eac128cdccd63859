package dev.aigw.emulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One filter of a {@link Dataset} (management-api-2.md 5.1): a log field, an operator and values, any of which may
 * match. The management API decides which operators fit which field ({@code lt}/{@code gt} on instants and
 * numbers, {@code contains} on text) and refuses the rest with the path of the filter.
 *
 * <pre>{@code
 * DatasetFilter.eq(DatasetFilter.Key.PROVIDER, "openai");
 * DatasetFilter.gt(DatasetFilter.Key.DURATION, 500);
 * }</pre>
 *
 * @param key the log field
 * @param operator how the field is compared
 * @param values at least one value: strings, numbers (kept as {@link BigDecimal} without trailing zeros) or
 *     booleans; an {@link Instant} is kept as its ISO-8601 text
 */
public record DatasetFilter(Key key, Operator operator, List<Object> values) {

    /** Checks the members and normalises the values. */
    public DatasetFilter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operator, "operator");
        if (Objects.requireNonNull(values, "values").isEmpty()) {
            throw new IllegalArgumentException("a dataset filter needs at least one value");
        }
        values = values.stream().map(DatasetFilter::normalise).toList();
    }

    /** Returns a filter that holds when the field equals any of the values. */
    public static DatasetFilter eq(Key key, Object... values) {
        return new DatasetFilter(key, Operator.EQ, Arrays.asList(values));
    }

    /** Returns a filter that holds when the field contains any of the texts, ignoring case. */
    public static DatasetFilter contains(Key key, String... texts) {
        return new DatasetFilter(key, Operator.CONTAINS, Arrays.asList((Object[]) texts));
    }

    /** Returns a filter that holds when the field is less than the value (a number or an instant). */
    public static DatasetFilter lt(Key key, Object value) {
        return new DatasetFilter(key, Operator.LT, Arrays.asList(value));
    }

    /** Returns a filter that holds when the field is greater than the value (a number or an instant). */
    public static DatasetFilter gt(Key key, Object value) {
        return new DatasetFilter(key, Operator.GT, Arrays.asList(value));
    }

    private static Object normalise(Object value) {
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof BigDecimal || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Float || value instanceof Short) {
            return new BigDecimal(value.toString()).stripTrailingZeros();
        }
        throw new IllegalArgumentException("a dataset filter value is a String, a number, a Boolean or an Instant,"
                + " got " + (value == null ? "null" : value.getClass().getName() + " " + value));
    }

    /** The log fields a dataset filters on. */
    public enum Key {
        CREATED_AT("created_at"), REQUEST_CONTENT_TYPE("request_content_type"),
        RESPONSE_CONTENT_TYPE("response_content_type"), SUCCESS("success"), CACHED("cached"),
        PROVIDER("provider"), MODEL("model"), COST("cost"), TOKENS("tokens"), TOKENS_IN("tokens_in"),
        TOKENS_OUT("tokens_out"), DURATION("duration"), FEEDBACK("feedback");

        private final String apiName;

        Key(String apiName) {
            this.apiName = apiName;
        }

        /** Returns the field's name in the management API, e.g. {@code tokens_in}. */
        public String apiName() {
            return apiName;
        }

        /** Finds a field by its name in the management API. */
        public static Key of(String apiName) {
            return Arrays.stream(values()).filter(k -> k.apiName.equals(apiName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no dataset filter key " + apiName));
        }
    }

    /** How a field is compared with the filter's values. */
    public enum Operator {
        EQ("eq"), CONTAINS("contains"), LT("lt"), GT("gt");

        private final String apiName;

        Operator(String apiName) {
            this.apiName = apiName;
        }

        /** Returns the operator's name in the management API, e.g. {@code gt}. */
        public String apiName() {
            return apiName;
        }

        /** Finds an operator by its name in the management API. */
        public static Operator of(String apiName) {
            return Arrays.stream(values()).filter(o -> o.apiName.equals(apiName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no dataset filter operator " + apiName));
        }
    }
}
