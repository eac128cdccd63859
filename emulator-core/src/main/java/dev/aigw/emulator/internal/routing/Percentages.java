package dev.aigw.emulator.internal.routing;

import java.math.BigDecimal;

/** Reads the labels of a percentage element: {@code N%} with 0 < N <= 100, fractions allowed. */
final class Percentages {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percentages() {
    }

    /** Returns the percentage of a label, or {@code null} when it is not a valid {@code N%} label. */
    static BigDecimal parse(String label) {
        if (!label.endsWith("%") || label.length() < 2) {
            return null;
        }
        String number = label.substring(0, label.length() - 1);
        if (!number.matches("[0-9]+(\\.[0-9]+)?")) {
            return null;
        }
        BigDecimal value = new BigDecimal(number);
        return value.signum() > 0 && value.compareTo(HUNDRED) <= 0 ? value : null;
    }
}
