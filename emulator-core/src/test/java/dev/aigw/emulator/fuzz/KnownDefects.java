package dev.aigw.emulator.fuzz;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * TEMPORARY: the requests {@link FuzzTest} generates but does not send, because they trigger defects of issue 16
 * that other branches fix; each entry names its defect. Remove an entry once its fix is merged, and this class
 * with the last one. Nothing else may be added here: a new failure is fixed, not excluded.
 */
final class KnownDefects {

    /** A number whose exponent takes three or more digits (1e400, 1e999999999): out of a double's range or near it. */
    private static final Pattern HUGE_EXPONENT = Pattern.compile("[0-9.][eE][+-]?[0-9]{3,}");

    private KnownDefects() {
    }

    /** Returns the defect a request would trigger, as "#N: why", or null if it may be sent. */
    static String excludes(String path, List<String> headers, byte[] body) {
        for (String header : headers) {
            String lower = header.toLowerCase(Locale.ROOT);
            // #1, #2 (wt-nums): a huge per-token price breaks the gateway's Logs API, or stores "Infinity" as cost.
            if (lower.startsWith("cf-aig-custom-cost:") && HUGE_EXPONENT.matcher(header).find()) {
                return "#1/#2: cf-aig-custom-cost with a huge exponent";
            }
        }
        // #2 (wt-nums): a huge number in a log filter answers 500 (NumberFormatException).
        if (path.contains("filters=") && HUGE_EXPONENT.matcher(path).find()) {
            return "#2: a log filter with a huge number";
        }
        return null;
    }
}
