package dev.aigw.emulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.json.Numbers;
import dev.aigw.emulator.internal.util.Suggestions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Describes what a JSON value must look like and checks it, failing with a 400/7001 whose message
 * names the location, what was expected and what came.
 */
public sealed interface JsonShape {

    /** Checks a value (never JSON null: nullability belongs to the member) found at {@code path}. */
    void check(JsonNode value, List<String> path);

    /** Says in a few words what this shape accepts, e.g. "an integer from 1 to 5". */
    String describe();

    static JsonShape bool() {
        return new Bool();
    }

    /** Accepts any JSON value, for members whose content is free (a scripted body). */
    static JsonShape anything() {
        return new Anything();
    }

    static JsonShape integer(long min, long max) {
        return new Int(min, max);
    }

    static JsonShape number(double min, double max) {
        return new Num(min, max);
    }

    /** Accepts a number of milliseconds from 0 to {@code max}, with a fraction down to the nanosecond. */
    static JsonShape millis(long max) {
        return new Millis(max);
    }

    static JsonShape text(int minLength, int maxLength) {
        return new Text(minLength, maxLength, null, null);
    }

    static JsonShape oneOf(String... values) {
        return new OneOf(List.of(values));
    }

    static JsonShape arrayOf(JsonShape item) {
        return new ArrayOf(item, 0, Integer.MAX_VALUE);
    }

    static JsonShape mapOf(JsonShape value) {
        return new MapOf(value);
    }

    static Obj object(Member... members) {
        return new Obj(List.of(members), false);
    }

    /** An object that takes only these members: any other is refused, naming it and the closest member. */
    static Obj closedObject(Member... members) {
        return new Obj(List.of(members), true);
    }

    static JsonShape anyOf(String description, JsonShape... options) {
        return new AnyOf(description, List.of(options));
    }

    static Member required(String name, JsonShape shape) {
        return new Member(name, shape, true, false);
    }

    static Member optional(String name, JsonShape shape) {
        return new Member(name, shape, false, false);
    }

    static Member optionalNullable(String name, JsonShape shape) {
        return new Member(name, shape, false, true);
    }

    /** Throws the validation error for a value that does not fit. */
    static ApiException mismatch(List<String> path, String expected, JsonNode got) {
        return ApiException.validation(location(path) + ": expected " + expected + ", got " + render(got), path);
    }

    /** Renders a location for messages: the path without its leading "body"/"query", dotted. */
    static String location(List<String> path) {
        List<String> rest = path.size() > 1 ? path.subList(1, path.size()) : path;
        return String.join(".", rest);
    }

    private static String render(JsonNode got) {
        if (got == null || got.isMissingNode()) {
            return "nothing";
        }
        String text = got.isNull() ? "null" : Json.text(got);
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static List<String> child(List<String> path, String name) {
        List<String> p = new ArrayList<>(path);
        p.add(name);
        return p;
    }

    /** A member of an object shape. */
    record Member(String name, JsonShape shape, boolean required, boolean nullable) {

        /** Checks this member of {@code object}; absent members are fine unless required. */
        public void check(JsonNode object, List<String> objectPath) {
            JsonNode value = object.get(name);
            List<String> path = child(objectPath, name);
            if (value == null) {
                if (required) {
                    throw ApiException.validation(location(path) + " is required", path);
                }
                return;
            }
            if (value.isNull()) {
                if (!nullable) {
                    throw mismatch(path, shape.describe(), value);
                }
                return;
            }
            shape.check(value, path);
        }
    }

    record Anything() implements JsonShape {
        @Override
        public void check(JsonNode value, List<String> path) {
            // Any value fits: the member is declared so that a closed object knows it.
        }

        @Override
        public String describe() {
            return "any JSON value";
        }
    }

    record Bool() implements JsonShape {
        @Override
        public void check(JsonNode value, List<String> path) {
            if (!value.isBoolean()) {
                throw mismatch(path, describe(), value);
            }
        }

        @Override
        public String describe() {
            return "a boolean";
        }
    }

    record Int(long min, long max) implements JsonShape {
        @Override
        public void check(JsonNode value, List<String> path) {
            if (!value.isIntegralNumber()) {
                throw mismatch(path, describe(), value);
            }
            boolean tooLarge = value.canConvertToLong()
                    ? value.longValue() > max
                    : value.bigIntegerValue().signum() > 0;
            if (tooLarge) {
                // describe() says "an integer >= 0" when the maximum is huge, a false hint for this value.
                throw mismatch(path, "an integer from " + min + " to " + max, value);
            }
            if (!value.canConvertToLong() || value.longValue() < min) {
                throw mismatch(path, describe(), value);
            }
        }

        @Override
        public String describe() {
            if (max >= Integer.MAX_VALUE) {
                return "an integer >= " + min;
            }
            return "an integer from " + min + " to " + max;
        }
    }

    record Num(double min, double max) implements JsonShape {
        @Override
        public void check(JsonNode value, List<String> path) {
            if (!value.isNumber()) {
                throw mismatch(path, describe(), value);
            }
            // Numbers.within also refuses a non-zero number under 1e-30 in size, such as 1e-999999999, whose
            // exponent would make any later sum with it enormous.
            if (Numbers.within(value.decimalValue(), BigDecimal.valueOf(min), BigDecimal.valueOf(max)).isEmpty()) {
                throw mismatch(path, describe(), value);
            }
        }

        @Override
        public String describe() {
            return max == Double.MAX_VALUE ? "a number >= " + min : "a number from " + min + " to " + max;
        }
    }

    /** A duration in milliseconds: an integer, or a number with at most six decimals (nanoseconds). */
    record Millis(long max) implements JsonShape {
        @Override
        public void check(JsonNode value, List<String> path) {
            if (!value.isNumber()) {
                throw mismatch(path, describe(), value);
            }
            BigDecimal n = value.decimalValue();
            if (n.signum() < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0 || n.stripTrailingZeros().scale() > 6) {
                throw mismatch(path, describe(), value);
            }
        }

        @Override
        public String describe() {
            return "a number of milliseconds from 0 to " + max + " (at most 6 decimals)";
        }
    }

    /** A string with a length range and an optional pattern (with its plain-words description). */
    record Text(int minLength, int maxLength, Pattern pattern, String patternDescription) implements JsonShape {
        @Override
        public void check(JsonNode value, List<String> path) {
            if (!value.isTextual()) {
                throw mismatch(path, describe(), value);
            }
            int length = value.textValue().codePointCount(0, value.textValue().length());
            if (length < minLength || length > maxLength) {
                throw ApiException.validation(location(path) + " must be " + lengthRange()
                        + " long, got " + length + " characters", path);
            }
            if (pattern != null && !pattern.matcher(value.textValue()).matches()) {
                throw mismatch(path, "a string of " + patternDescription, value);
            }
        }

        private String lengthRange() {
            return maxLength == Integer.MAX_VALUE
                    ? "at least " + minLength + " characters"
                    : minLength + " to " + maxLength + " characters";
        }

        @Override
        public String describe() {
            return "a string " + lengthRange() + " long";
        }
    }

    record OneOf(List<String> values) implements JsonShape {
        @Override
        public void check(JsonNode value, List<String> path) {
            if (value.isTextual() && values.contains(value.textValue())) {
                return;
            }
            String hint = value.isTextual() ? Suggestions.didYouMean(value.textValue(), values) : "";
            ApiException e = mismatch(path, describe(), value);
            throw hint.isEmpty() ? e : ApiException.validation(
                    e.error().message().substring("Input Validation Error: ".length()) + hint, path);
        }

        @Override
        public String describe() {
            return "one of " + values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
        }
    }

    record ArrayOf(JsonShape item, int minItems, int maxItems) implements JsonShape {
        @Override
        public void check(JsonNode value, List<String> path) {
            if (!value.isArray() || value.size() < minItems || value.size() > maxItems) {
                throw mismatch(path, describe(), value);
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                if (element.isNull()) {
                    throw mismatch(child(path, String.valueOf(i)), item.describe(), element);
                }
                item.check(element, child(path, String.valueOf(i)));
            }
        }

        @Override
        public String describe() {
            String size = maxItems == Integer.MAX_VALUE
                    ? (minItems > 0 ? " (at least " + minItems + ")" : "")
                    : " (" + minItems + " to " + maxItems + " items)";
            return "an array" + size + " of " + item.describe();
        }
    }

    record MapOf(JsonShape valueShape) implements JsonShape {
        @Override
        public void check(JsonNode value, List<String> path) {
            if (!value.isObject()) {
                throw mismatch(path, describe(), value);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    throw mismatch(child(path, e.getKey()), valueShape.describe(), e.getValue());
                }
                valueShape.check(e.getValue(), child(path, e.getKey()));
            }
        }

        @Override
        public String describe() {
            return "an object whose values are " + valueShape.describe();
        }
    }

    /**
     * An object with known members; unknown members are ignored, as the real API ignores them, unless the object
     * is {@code closed} (the emulator's own bodies, where an unknown member is most likely a typo).
     */
    record Obj(List<Member> members, boolean closed) implements JsonShape {
        @Override
        public void check(JsonNode value, List<String> path) {
            if (!value.isObject()) {
                throw mismatch(path, describe(), value);
            }
            if (closed) {
                refuseUnknown(value, path);
            }
            for (Member member : members) {
                member.check(value, path);
            }
        }

        private void refuseUnknown(JsonNode value, List<String> path) {
            List<String> names = members.stream().map(Member::name).toList();
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!names.contains(name)) {
                    List<String> at = child(path, name);
                    throw ApiException.validation(location(at) + ": unknown member" + Suggestions.didYouMean(name, names)
                            + "; the members are " + String.join(", ", names), at);
                }
            }
        }

        @Override
        public String describe() {
            List<String> required = members.stream().filter(Member::required).map(Member::name).toList();
            return required.isEmpty() ? "an object" : "an object with " + String.join(", ", required);
        }
    }

    /** Accepts a value that fits any of the options (e.g. the two shapes of {@code dlp}). */
    record AnyOf(String description, List<JsonShape> options) implements JsonShape {
        @Override
        public void check(JsonNode value, List<String> path) {
            ApiException first = null;
            for (JsonShape option : options) {
                try {
                    option.check(value, path);
                    return;
                } catch (ApiException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
            throw ApiException.validation(location(path) + ": expected " + description + " ("
                    + first.error().message().substring("Input Validation Error: ".length()) + ")", path);
        }

        @Override
        public String describe() {
            return description;
        }
    }
}
