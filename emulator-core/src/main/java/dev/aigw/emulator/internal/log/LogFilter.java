package dev.aigw.emulator.internal.log;

import dev.aigw.emulator.LogEntry;
import java.util.List;
import java.util.Locale;

/**
 * One filter of the Logs API: a field, an operator and values already read as the field's type. Several values
 * mean "any of them"; the Logs API ANDs several filters (management-api.md 4.2).
 *
 * @param field the field compared
 * @param operator how it is compared
 * @param values the values, at least one; {@link LogField#NULL} stands for JSON null
 */
public record LogFilter(LogField field, Operator operator, List<Object> values) {

    /** Validates and copies the values. */
    public LogFilter {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a filter needs at least one value");
        }
    }

    /** How a field is compared with the filter's values. */
    public enum Operator {
        EQ("eq"), NEQ("neq"), CONTAINS("contains"), LT("lt"), GT("gt"),
        /** Not in the API's filters: the inclusive lower bound of the deprecated {@code min_*} parameters. */
        AT_LEAST(null),
        /** Not in the API's filters: the inclusive upper bound of the deprecated {@code max_*} parameters. */
        AT_MOST(null);

        private final String name;

        Operator(String name) {
            this.name = name;
        }

        /** Returns the operator's name in the API, or {@code null} for the internal ones. */
        public String apiName() {
            return name;
        }
    }

    /** Tells whether an entry passes this filter. */
    public boolean matches(LogEntry entry) {
        List<Object> actual = field.read(entry);
        if (operator == Operator.NEQ) {
            return actual.stream().noneMatch(a -> values.stream().anyMatch(v -> same(a, v)));
        }
        return actual.stream().anyMatch(a -> values.stream().anyMatch(v -> test(a, v)));
    }

    private boolean test(Object actual, Object value) {
        if (operator == Operator.EQ) {
            return same(actual, value);
        }
        if (actual == null || value == LogField.NULL) {
            return false;
        }
        if (operator == Operator.CONTAINS) {
            return actual.toString().toLowerCase(Locale.ROOT).contains(value.toString().toLowerCase(Locale.ROOT));
        }
        int c = compare(actual, value);
        switch (operator) {
            case LT:
                return c < 0;
            case GT:
                return c > 0;
            case AT_LEAST:
                return c >= 0;
            default:
                return c <= 0;
        }
    }

    private static boolean same(Object actual, Object value) {
        if (value == LogField.NULL) {
            return actual == null;
        }
        return actual != null && compare(actual, value) == 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object actual, Object value) {
        if (actual.getClass() != value.getClass()) {
            return actual.toString().compareTo(value.toString());
        }
        return ((Comparable) actual).compareTo(value);
    }
}
