package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.log.LogField;
import dev.aigw.emulator.internal.log.LogFilter;
import dev.aigw.emulator.internal.log.LogFilter.Operator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which log entries a Logs API call selects and in what order (management-api.md L1, L2): the filters in any
 * of their encodings, the deprecated one-value parameters (each the same as one filter; {@code min_*} and
 * {@code max_*} inclusive; {@code feedback=1} positive, {@code feedback=0} negative), {@code search} (a
 * case-insensitive substring of id, provider, model or path), and {@code order_by} with
 * {@code order_by_direction} (or the deprecated {@code direction}); ties go by {@code created_at}, then id. The
 * Java API's {@code LogQuery} selects with the same filters and search.
 *
 * @param filters the filters, all of which an entry must pass
 * @param search the search text in lower case, or empty
 * @param orderBy the field to sort by
 * @param descending whether the order is descending
 */
public record LogQuery(List<LogFilter> filters, String search, LogField orderBy, boolean descending) {

    /** The {@code order_by} values of the list operation. */
    static final List<String> LIST_ORDER = List.of("created_at", "provider", "model", "model_type", "success",
            "cached");

    /** The {@code order_by} values of the delete operation. */
    static final List<String> DELETE_ORDER = List.of("created_at", "provider", "model", "model_type", "success",
            "cached", "cost", "tokens_in", "tokens_out", "duration", "feedback");

    private static final Map<String, LogField> EQUALS = Map.of("model", LogField.MODEL, "model_type",
            LogField.MODEL_TYPE, "provider", LogField.PROVIDER, "request_content_type", LogField.REQUEST_CONTENT_TYPE,
            "response_content_type", LogField.RESPONSE_CONTENT_TYPE, "success", LogField.SUCCESS, "cached",
            LogField.CACHED);

    private static final Map<String, LogField> RANGES = Map.of("date", LogField.CREATED_AT, "cost", LogField.COST,
            "tokens_in", LogField.TOKENS_IN, "tokens_out", LogField.TOKENS_OUT, "total_tokens", LogField.TOKENS,
            "duration", LogField.DURATION);

    /** Reads the query of a list or delete call; 400/7001 for any value it cannot use. */
    static LogQuery of(ApiRequest request, List<String> orderByValues, boolean descendingByDefault) {
        List<LogFilter> filters = new ArrayList<>(LogFilterParser.parse(request.queryParameters()));
        EQUALS.forEach((param, field) -> request.query(param).ifPresent(v ->
                filters.add(new LogFilter(field, Operator.EQ, List.of(value(field, param, v))))));
        RANGES.forEach((name, field) -> {
            String min = name.equals("date") ? "start_date" : "min_" + name;
            String max = name.equals("date") ? "end_date" : "max_" + name;
            request.query(min).ifPresent(v -> filters.add(new LogFilter(field, Operator.AT_LEAST,
                    List.of(value(field, min, v)))));
            request.query(max).ifPresent(v -> filters.add(new LogFilter(field, Operator.AT_MOST,
                    List.of(value(field, max, v)))));
        });
        request.query("feedback").ifPresent(v -> filters.add(new LogFilter(LogField.FEEDBACK, Operator.EQ,
                List.of(oneOf(v, "feedback", List.of("0", "1")).equals("1") ? BigDecimal.ONE
                        : BigDecimal.ONE.negate()))));
        String orderBy = oneOf(request.query("order_by").orElse("created_at"), "order_by", orderByValues);
        Optional<String> direction = request.query("order_by_direction").map(d -> oneOf(d, "order_by_direction",
                List.of("asc", "desc")));
        if (direction.isEmpty()) {
            direction = request.query("direction").map(d -> oneOf(d, "direction", List.of("asc", "desc")));
        }
        boolean descending = direction.map(d -> d.equals("desc")).orElse(descendingByDefault);
        String search = request.query("search").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        return new LogQuery(filters, search, LogField.byKey(orderBy).orElseThrow(), descending);
    }

    /** Returns the entries this query selects, in its order. */
    List<LogEntry> select(List<LogEntry> entries) {
        Comparator<LogEntry> order = orderBy.order()
                .thenComparing(LogEntry::createdAt)
                .thenComparing(LogEntry::id);
        return entries.stream()
                .filter(this::matches)
                .sorted(descending ? order.reversed() : order)
                .collect(Collectors.toList());
    }

    /** Tells whether an entry passes every filter and contains the search text. */
    public boolean matches(LogEntry e) {
        return filters.stream().allMatch(f -> f.matches(e)) && found(e);
    }

    private boolean found(LogEntry e) {
        return search.isEmpty() || e.id().toLowerCase(Locale.ROOT).contains(search)
                || String.valueOf(e.provider()).toLowerCase(Locale.ROOT).contains(search)
                || e.model().toLowerCase(Locale.ROOT).contains(search)
                || String.valueOf(e.path()).toLowerCase(Locale.ROOT).contains(search);
    }

    private static Object value(LogField field, String param, String raw) {
        return field.type().coerce(TextNode.valueOf(raw)).orElseThrow(() -> ApiException.validation(param
                + ": expected " + field.type().description() + ", got \"" + raw + "\"", List.of("query", param)));
    }

    private static String oneOf(String value, String param, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw ApiException.validation(param + ": expected one of " + allowed.stream().map(a -> "\"" + a + "\"")
                    .collect(Collectors.joining(", ")) + ", got \"" + value + "\"", List.of("query", param));
        }
        return value;
    }
}
