package dev.aigw.emulator.internal.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the numbers the emulator computes with, from JSON or from text, within limits checked before any
 * arithmetic: a {@link BigDecimal} such as {@code 1e999999999} is one digit and an exponent, cheap to hold but
 * ruinous to add to anything, so a number is kept only when it lies in the caller's range and, unless it is 0,
 * has a magnitude of at least {@code 1e-30}; it is then rounded to 34 significant digits, which bounds the cost
 * of every sum and product made with it.
 */
public final class Numbers {

    /** The smallest magnitude of a non-zero number kept: {@code 1e-30}. */
    public static final int MIN_EXPONENT = -30;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,9})?");
    private static final int MAX_TEXT_LENGTH = 100;

    private Numbers() {
    }

    /** Returns {@code n} rounded to 34 digits when it lies in {@code min..max} and is 0 or at least 1e-30 in size. */
    public static Optional<BigDecimal> within(BigDecimal n, BigDecimal min, BigDecimal max) {
        if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
            return Optional.empty();
        }
        if (n.signum() == 0) {
            return Optional.of(BigDecimal.ZERO);
        }
        long exponent = (long) n.precision() - n.scale() - 1;
        return exponent < MIN_EXPONENT ? Optional.empty() : Optional.of(n.round(MathContext.DECIMAL128));
    }

    /** Reads a decimal number written as text (no {@code NaN}, no {@code Infinity}) within the same limits. */
    public static Optional<BigDecimal> parse(String text, BigDecimal min, BigDecimal max) {
        String t = text.trim();
        if (t.length() > MAX_TEXT_LENGTH || !DECIMAL.matcher(t).matches()) {
            return Optional.empty();
        }
        // The pattern bounds the exponent to nine digits and the text to 100 characters, so the scale fits an int
        // and BigDecimal's constructor cannot fail.
        return within(new BigDecimal(t), min, max);
    }
}
