package dev.aigw.emulator.internal.reply.schema;

import static dev.aigw.emulator.internal.reply.schema.SchemaTree.where;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import dev.aigw.emulator.internal.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Picks the number a schema gets: 1 for an integer and 1.5 for a number, or the value nearest to it that meets
 * {@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum} (a number, or draft-04's
 * boolean) and {@code multipleOf}.
 */
final class ExampleNumbers {

    private static final BigDecimal ONE_AND_A_HALF = new BigDecimal("1.5");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** A bound: its value and whether the value itself is excluded. */
    private record Bound(BigDecimal value, boolean exclusive) {
    }

    private ExampleNumbers() {
    }

    /** Returns the integer for the schema. */
    static JsonNode integer(JsonNode schema, String path) throws UnsupportedSchemaException {
        BigDecimal multiple = schema.has("multipleOf") ? schema.get("multipleOf").decimalValue() : null;
        BigDecimal step = multiple == null ? BigDecimal.ONE : integerMultiple(multiple);
        BigInteger value = stepped(BigDecimal.ONE, step, schema, path, "integer").toBigIntegerExact();
        return value.bitLength() < 64 ? Json.nodes().numberNode(value.longValue()) : Json.nodes().numberNode(value);
    }

    /** Returns the number for the schema. */
    static JsonNode number(JsonNode schema, String path) throws UnsupportedSchemaException {
        BigDecimal value;
        if (schema.has("multipleOf")) {
            value = stepped(ONE_AND_A_HALF, schema.get("multipleOf").decimalValue(), schema, path, "number");
        } else {
            value = continuous(schema, path);
        }
        BigDecimal plain = value.stripTrailingZeros();
        return DecimalNode.valueOf(plain.scale() < 0 ? plain.setScale(0) : plain);
    }

    /** Returns the multiple of {@code step} nearest to {@code preferred} within the bounds. */
    private static BigDecimal stepped(BigDecimal preferred, BigDecimal step, JsonNode schema, String path,
                                      String what) throws UnsupportedSchemaException {
        Bound low = low(schema);
        Bound high = high(schema);
        BigInteger k = preferred.divide(step, 0, RoundingMode.HALF_UP).toBigIntegerExact();
        if (low != null) {
            BigDecimal q = low.value().divide(step, 0, RoundingMode.CEILING);
            BigInteger kMin = q.toBigIntegerExact();
            if (low.exclusive() && q.multiply(step).compareTo(low.value()) == 0) {
                kMin = kMin.add(BigInteger.ONE);
            }
            k = k.max(kMin);
        }
        if (high != null) {
            BigDecimal q = high.value().divide(step, 0, RoundingMode.FLOOR);
            BigInteger kMax = q.toBigIntegerExact();
            if (high.exclusive() && q.multiply(step).compareTo(high.value()) == 0) {
                kMax = kMax.subtract(BigInteger.ONE);
            }
            if (k.compareTo(kMax) > 0) {
                k = kMax;
                if (low != null && !meets(new BigDecimal(k).multiply(step), low, true)) {
                    throw impossible(path, what);
                }
            }
        }
        return new BigDecimal(k).multiply(step);
    }

    /** Returns 1.5, or the bound it passes (the middle of the bounds, or one inside, when the bound is excluded). */
    private static BigDecimal continuous(JsonNode schema, String path) throws UnsupportedSchemaException {
        Bound low = low(schema);
        Bound high = high(schema);
        if (low != null && high != null) {
            int c = low.value().compareTo(high.value());
            if (c > 0 || c == 0 && (low.exclusive() || high.exclusive())) {
                throw impossible(path, "number");
            }
        }
        BigDecimal value = ONE_AND_A_HALF;
        if (low != null && !meets(value, low, true)) {
            value = !low.exclusive() ? low.value()
                    : high != null ? middle(low, high) : low.value().add(BigDecimal.ONE);
        } else if (high != null && !meets(value, high, false)) {
            value = !high.exclusive() ? high.value()
                    : low != null ? middle(low, high) : high.value().subtract(BigDecimal.ONE);
        }
        return value;
    }

    private static BigDecimal middle(Bound low, Bound high) {
        return low.value().add(high.value()).divide(TWO);
    }

    private static boolean meets(BigDecimal value, Bound bound, boolean lower) {
        int c = value.compareTo(bound.value());
        int sign = lower ? c : -c;
        return bound.exclusive() ? sign > 0 : sign >= 0;
    }

    private static Bound low(JsonNode schema) {
        return bound(schema, "minimum", "exclusiveMinimum", true);
    }

    private static Bound high(JsonNode schema) {
        return bound(schema, "maximum", "exclusiveMaximum", false);
    }

    /** Returns the tighter of the inclusive and the exclusive bound, or null when the schema sets neither. */
    private static Bound bound(JsonNode schema, String inclusive, String exclusive, boolean lower) {
        JsonNode in = schema.get(inclusive);
        JsonNode ex = schema.get(exclusive);
        if (ex != null && ex.isBoolean()) {
            return in == null ? null : new Bound(in.decimalValue(), ex.booleanValue());
        }
        Bound a = in == null ? null : new Bound(in.decimalValue(), false);
        Bound b = ex == null ? null : new Bound(ex.decimalValue(), true);
        if (a == null || b == null) {
            return a != null ? a : b;
        }
        int c = a.value().compareTo(b.value());
        return lower ? (c > 0 ? a : b) : (c < 0 ? a : b);
    }

    /** Returns the smallest positive multiple of {@code m} that is an integer: p for m = p/q in lowest terms. */
    private static BigDecimal integerMultiple(BigDecimal m) {
        BigDecimal stripped = m.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return stripped.setScale(0);
        }
        BigInteger numerator = stripped.unscaledValue();
        BigInteger denominator = BigInteger.TEN.pow(stripped.scale());
        return new BigDecimal(numerator.divide(numerator.gcd(denominator)));
    }

    private static UnsupportedSchemaException impossible(String path, String what) {
        return new UnsupportedSchemaException("minimum", path, "no " + what + " meets the bounds " + where(path)
                + " (minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf)");
    }
}
