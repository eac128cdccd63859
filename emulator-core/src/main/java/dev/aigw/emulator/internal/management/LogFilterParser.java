package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.log.LogField;
import dev.aigw.emulator.internal.log.LogFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the {@code filters} of the Logs API from a query in the three encodings clients use (management-api.md
 * Q7): a URL-encoded JSON array ({@code filters=[{"key":..,"operator":..,"value":[..]}]}), the bracket form
 * ({@code filters[0][key]=model&filters[0][operator]=eq&filters[0][value][0]=gpt-4o}) and the official SDK's
 * dotted form ({@code filters.key=model&filters.operator=eq&filters.value=gpt-4o}, one filter). Anything it
 * cannot read is a 400/7001 at {@code ["query","filters"]} whose message names the filter and the member.
 */
public final class LogFilterParser {

    private static final List<String> PATH = List.of("query", "filters");
    private static final int MAX_INDEX_DIGITS = 9;
    private static final Pattern BRACKET = Pattern.compile("filters\\[(\\d+)]\\[(key|operator|value)](?:\\[(\\d*)])?");

    private LogFilterParser() {
    }

    /** Reads every filter of a query, in any of the three encodings. */
    public static List<LogFilter> parse(Map<String, Deque<String>> query) {
        List<LogFilter> filters = new ArrayList<>();
        for (String json : query.getOrDefault("filters", new java.util.ArrayDeque<>())) {
            JsonNode node;
            try {
                node = Json.parse(json);
            } catch (Exception e) {
                throw invalid("filters: expected a JSON array of filters, got " + quote(json)).because(e);
            }
            if (node.isObject()) {
                filters.add(filter(node, "filters[" + filters.size() + "]"));
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    filters.add(filter(element, "filters[" + filters.size() + "]"));
                }
            } else {
                throw invalid("filters: expected a JSON array of filters, got " + quote(json));
            }
        }
        filters.addAll(bracketForm(query));
        dottedForm(query).ifPresent(filters::add);
        return filters;
    }

    private static List<LogFilter> bracketForm(Map<String, Deque<String>> query) {
        Map<Integer, Map<String, List<JsonNode>>> byIndex = new TreeMap<>();
        query.forEach((name, values) -> {
            Matcher m = BRACKET.matcher(name);
            if (m.matches()) {
                if (m.group(1).length() > MAX_INDEX_DIGITS) {
                    throw invalid(name + ": expected a filter index of at most " + MAX_INDEX_DIGITS + " digits");
                }
                List<JsonNode> target = byIndex.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new TreeMap<>())
                        .computeIfAbsent(m.group(2), k -> new ArrayList<>());
                values.forEach(v -> target.add(TextNode.valueOf(v)));
            }
        });
        List<LogFilter> filters = new ArrayList<>();
        byIndex.forEach((index, members) -> {
            String where = "filters[" + index + "]";
            filters.add(build(where, single(members.get("key"), where + ".key"),
                    single(members.get("operator"), where + ".operator"), members.get("value")));
        });
        return filters;
    }

    private static Optional<LogFilter> dottedForm(Map<String, Deque<String>> query) {
        Deque<String> keys = query.get("filters.key");
        if (keys == null && !query.containsKey("filters.operator") && !query.containsKey("filters.value")) {
            return Optional.empty();
        }
        if (keys != null && keys.size() > 1) {
            throw invalid("filters.key: the dotted form carries one filter, got " + keys.size()
                    + " keys; send several filters as a JSON array or in the bracket form");
        }
        List<JsonNode> values = query.containsKey("filters.value")
                ? query.get("filters.value").stream().map(v -> (JsonNode) TextNode.valueOf(v)).toList() : null;
        Deque<String> operators = query.get("filters.operator");
        return Optional.of(build("filters", keys == null ? null : keys.getFirst(),
                operators == null ? null : operators.getFirst(), values));
    }

    /**
     * Reads one filter given member by member, as the {@code index}th filter of a JSON array would be read, with
     * the same messages; the Java API's {@code LogQuery} builds its filters here.
     */
    public static LogFilter filter(int index, String key, String operator, List<JsonNode> values) {
        return build("filters[" + index + "]", key, operator, values);
    }

    private static LogFilter filter(JsonNode node, String where) {
        if (!node.isObject()) {
            throw invalid(where + ": expected an object with key, operator and value, got " + Json.text(node));
        }
        JsonNode value = node.get("value");
        List<JsonNode> values = null;
        if (value != null && value.isArray()) {
            values = new ArrayList<>();
            value.forEach(values::add);
        } else if (value != null) {
            throw invalid(where + ".value: expected an array of values, got " + Json.text(value));
        }
        return build(where, text(node.get("key"), where + ".key"), text(node.get("operator"), where + ".operator"),
                values);
    }

    private static LogFilter build(String where, String key, String operatorName, List<JsonNode> rawValues) {
        if (key == null) {
            throw invalid(where + ".key is required");
        }
        LogField field = LogField.byKey(key).orElseThrow(() -> invalid(where + ".key: expected one of "
                + Arrays.stream(LogField.values()).map(f -> quote(f.key())).collect(Collectors.joining(", "))
                + ", got " + quote(key)));
        if (operatorName == null) {
            throw invalid(where + ".operator is required");
        }
        LogFilter.Operator operator = field.type().operators().stream()
                .filter(o -> o.apiName().equals(operatorName)).findFirst()
                .orElseThrow(() -> invalid(where + ".operator: expected one of " + field.type().operators().stream()
                        .map(o -> quote(o.apiName())).collect(Collectors.joining(", ")) + " for " + quote(key)
                        + " (" + field.type().description() + "), got " + quote(operatorName)));
        if (rawValues == null || rawValues.isEmpty()) {
            throw invalid(where + ".value: expected an array of at least one value");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < rawValues.size(); i++) {
            JsonNode raw = rawValues.get(i);
            values.add(field.type().coerce(raw).orElseThrow(() -> invalid(where + ".value: expected "
                    + field.type().description() + " for " + quote(key) + ", got " + Json.text(raw))));
        }
        return new LogFilter(field, operator, values);
    }

    private static String text(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(where + ": expected a string, got " + Json.text(node));
        }
        return node.textValue();
    }

    private static String single(List<JsonNode> values, String where) {
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw invalid(where + ": expected one value, got " + values.size());
        }
        return values.get(0).textValue();
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    private static ApiException invalid(String detail) {
        return ApiException.validation(detail, PATH);
    }
}
