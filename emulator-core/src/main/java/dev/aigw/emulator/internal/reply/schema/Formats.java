package dev.aigw.emulator.internal.reply.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The string formats the emulator generates, each with the one value it writes for it. */
final class Formats {

    private static final Map<String, String> EXAMPLES = examples();

    /** The format names, in the order messages list them. */
    static final List<String> NAMES = List.copyOf(EXAMPLES.keySet());

    private Formats() {
    }

    /** Returns the value written for a string of this format (one of {@link #NAMES}). */
    static String example(String format) {
        return EXAMPLES.get(format);
    }

    private static Map<String, String> examples() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date-time", "2025-01-01T00:00:00Z");
        m.put("date", "2025-01-01");
        m.put("time", "00:00:00Z");
        m.put("duration", "P1D");
        m.put("email", "user@example.com");
        m.put("hostname", "example.com");
        m.put("ipv4", "192.0.2.1");
        m.put("ipv6", "2001:db8::1");
        m.put("uri", "https://example.com/");
        m.put("uuid", "00000000-0000-4000-8000-000000000000");
        return m;
    }
}
