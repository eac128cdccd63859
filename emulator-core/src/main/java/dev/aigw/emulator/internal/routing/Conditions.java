package dev.aigw.emulator.internal.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates a conditional element's MongoDB-like filter (proxy.md 8.2, management-api-2.md 4.5): {@code $eq},
 * {@code $ne}, {@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, {@code $in}, {@code $nin}, {@code $exists},
 * {@code $and}, {@code $or}; a bare value means {@code $eq}. Comparisons are type-strict; a missing field makes
 * {@code $exists: false}, {@code $ne} and {@code $nin} true and every other operator false. Stateless.
 */
final class Conditions {

    private Conditions() {
    }

    /**
     * Tells whether {@code filter} holds; {@code field} reads a field key ({@code metadata.x}, {@code body.a.0},
     * {@code headers.h}, or an unprefixed metadata key) and answers {@code null} when it is missing. An absent or
     * empty filter holds.
     */
    static boolean holds(JsonNode filter, Function<String, JsonNode> field) {
        if (filter == null || filter.isNull() || !filter.isObject()) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> clause = it.next();
            String key = clause.getKey();
            JsonNode operand = clause.getValue();
            boolean ok = switch (key) {
                case "$and" -> all(operand, field);
                case "$or" -> any(operand, field);
                default -> matches(field.apply(key), operand);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean all(JsonNode filters, Function<String, JsonNode> field) {
        if (!filters.isArray()) {
            return false;
        }
        for (JsonNode f : filters) {
            if (!holds(f, field)) {
                return false;
            }
        }
        return true;
    }

    private static boolean any(JsonNode filters, Function<String, JsonNode> field) {
        if (!filters.isArray()) {
            return false;
        }
        for (JsonNode f : filters) {
            if (holds(f, field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode value, JsonNode operand) {
        boolean operators = operand.isObject() && operand.size() > 0
                && operand.fieldNames().next().startsWith("$");
        if (!operators) {
            return value != null && equal(value, operand);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = operand.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> op = it.next();
            if (!apply(op.getKey(), value, op.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean apply(String operator, JsonNode value, JsonNode operand) {
        return switch (operator) {
            case "$exists" -> operand.asBoolean(true) == (value != null);
            case "$eq" -> value != null && equal(value, operand);
            case "$ne" -> value == null || !equal(value, operand);
            case "$in" -> value != null && contains(operand, value);
            case "$nin" -> value == null || !contains(operand, value);
            case "$gt" -> compare(value, operand) > 0;
            case "$gte" -> compare(value, operand) >= 0 && compare(value, operand) != Integer.MIN_VALUE;
            case "$lt" -> compare(value, operand) < 0 && compare(value, operand) != Integer.MIN_VALUE;
            case "$lte" -> compare(value, operand) <= 0 && compare(value, operand) != Integer.MIN_VALUE;
            default -> false;
        };
    }

    private static boolean contains(JsonNode list, JsonNode value) {
        if (!list.isArray()) {
            return false;
        }
        for (JsonNode item : list) {
            if (equal(value, item)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    /** Compares two values of one type (numbers or strings); {@code Integer.MIN_VALUE} when they cannot be. */
    private static int compare(JsonNode value, JsonNode operand) {
        if (value == null) {
            return Integer.MIN_VALUE;
        }
        if (value.isNumber() && operand.isNumber()) {
            return Integer.signum(value.decimalValue().compareTo(operand.decimalValue()));
        }
        if (value.isTextual() && operand.isTextual()) {
            return Integer.signum(value.textValue().compareTo(operand.textValue()));
        }
        return Integer.MIN_VALUE;
    }
}
