package dev.aigw.emulator.internal.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.log.LogField;
import dev.aigw.emulator.internal.log.LogFilter;
import dev.aigw.emulator.internal.util.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One filter of a dataset (management-api-2.md 5.1): a log field, an operator and the values as the client sent
 * them, with the {@link LogFilter} that matches logs against them. {@link #parseAll} validates a {@code filters}
 * array and names every bad member by its path.
 *
 * @param key the field's name, e.g. {@code provider}
 * @param operator the operator's name: {@code eq}, {@code contains}, {@code lt} or {@code gt}
 * @param values the values as sent (strings, numbers, booleans), at least one
 * @param matcher the filter that matches logs
 */
public record DatasetFilter(String key, String operator, ArrayNode values, LogFilter matcher) {

    /** The fields a dataset filters on (5.1), in the SDK's order. */
    public static final List<String> KEYS = List.of("created_at", "request_content_type", "response_content_type",
            "success", "cached", "provider", "model", "cost", "tokens", "tokens_in", "tokens_out", "duration",
            "feedback");
    private static final List<String> OPERATORS = List.of("eq", "contains", "lt", "gt");
    private static final List<String> STRING_KEYS = List.of("request_content_type", "response_content_type",
            "provider", "model");
    private static final List<String> ORDERED_KEYS = List.of("created_at", "cost", "tokens", "tokens_in",
            "tokens_out", "duration", "feedback");

    /** Tells whether a log passes this filter; a log lacking the field does not. */
    public boolean matches(LogEntry entry) {
        return matcher.matches(entry);
    }

    /** Renders the filter as the API writes it. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object().put("key", key).put("operator", operator);
        json.set("value", values.deepCopy());
        return json;
    }

    /**
     * Reads a {@code filters} member, adding one 400/7001 to {@code failures} for each bad member, located under
     * {@code path}; returns the filters that were valid.
     */
    public static List<DatasetFilter> parseAll(JsonNode filters, List<String> path, List<ApiException> failures) {
        List<DatasetFilter> parsed = new ArrayList<>();
        if (filters == null) {
            failures.add(ApiException.validation("filters is required (an empty array selects every log)", path));
            return parsed;
        }
        if (!filters.isArray()) {
            failures.add(ApiException.validation("filters: expected an array of {key, operator, value}, got "
                    + Json.text(filters), path));
            return parsed;
        }
        for (int i = 0; i < filters.size(); i++) {
            parse(filters.get(i), child(path, String.valueOf(i)), failures).ifPresent(parsed::add);
        }
        return parsed;
    }

    private static Optional<DatasetFilter> parse(JsonNode filter, List<String> path, List<ApiException> failures) {
        String where = String.join(".", path.subList(1, path.size()));
        if (filter == null || !filter.isObject()) {
            failures.add(ApiException.validation(where + ": expected an object with key, operator and value, got "
                    + (filter == null ? "nothing" : Json.text(filter)), path));
            return Optional.empty();
        }
        int before = failures.size();
        String key = oneOf(filter.get("key"), KEYS, child(path, "key"), where + ".key", failures);
        String operator = oneOf(filter.get("operator"), OPERATORS, child(path, "operator"), where + ".operator",
                failures);
        if (key != null && operator != null) {
            operatorFits(key, operator, child(path, "operator"), where + ".operator").ifPresent(failures::add);
        }
        JsonNode value = filter.get("value");
        List<String> valuePath = child(path, "value");
        if (value == null || !value.isArray() || value.isEmpty()) {
            failures.add(ApiException.validation(where + ".value: expected a non-empty array of strings, numbers"
                    + " or booleans, got " + (value == null ? "nothing" : Json.text(value)), valuePath));
            return Optional.empty();
        }
        LogField field = key == null ? null : LogField.byKey(key).orElseThrow();
        List<Object> read = new ArrayList<>();
        for (int j = 0; j < value.size(); j++) {
            JsonNode item = value.get(j);
            Optional<Object> typed = item.isValueNode() && !item.isNull() && field != null
                    ? field.type().coerce(item) : Optional.empty();
            if (field != null && typed.isEmpty()) {
                failures.add(ApiException.validation(where + ".value." + j + ": expected " + field.type()
                        .description() + " for " + key + ", got " + Json.text(item), child(valuePath,
                        String.valueOf(j))));
            }
            typed.ifPresent(read::add);
        }
        if (failures.size() > before) {
            return Optional.empty();
        }
        LogFilter matcher = new LogFilter(field, LogFilter.Operator.valueOf(operator.toUpperCase(Locale.ROOT)), read);
        return Optional.of(new DatasetFilter(key, operator, (ArrayNode) value.deepCopy(), matcher));
    }

    private static Optional<ApiException> operatorFits(String key, String operator, List<String> path,
                                                       String where) {
        if ((operator.equals("lt") || operator.equals("gt")) && !ORDERED_KEYS.contains(key)) {
            return Optional.of(ApiException.validation(where + ": " + operator + " compares numbers and instants,"
                    + " so it applies only to " + String.join(", ", ORDERED_KEYS) + "; " + key + " takes eq"
                    + (STRING_KEYS.contains(key) ? " or contains" : ""), path));
        }
        if (operator.equals("contains") && !STRING_KEYS.contains(key)) {
            return Optional.of(ApiException.validation(where + ": contains matches text, so it applies only to "
                    + String.join(", ", STRING_KEYS) + "; " + key + " takes eq"
                    + (ORDERED_KEYS.contains(key) ? ", lt or gt" : ""), path));
        }
        return Optional.empty();
    }

    private static String oneOf(JsonNode value, List<String> allowed, List<String> path, String where,
                                List<ApiException> failures) {
        if (value != null && value.isTextual() && allowed.contains(value.textValue())) {
            return value.textValue();
        }
        String got = value == null ? "nothing" : Json.text(value);
        String hint = value != null && value.isTextual() ? Suggestions.didYouMean(value.textValue(), allowed) : "";
        failures.add(ApiException.validation(where + ": expected one of " + String.join(", ", allowed) + ", got "
                + got + hint, path));
        return null;
    }

    private static List<String> child(List<String> path, String name) {
        List<String> p = new ArrayList<>(path);
        p.add(name);
        return List.copyOf(p);
    }
}
