package dev.aigw.emulator.internal.time;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats instants the way the Cloudflare API writes them: ISO-8601 UTC with milliseconds and {@code Z}. */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** Formats an instant, e.g. {@code 2026-08-01T10:15:30.123Z}. */
    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /**
     * Formats an instant as {@link #format} does, with the digits below the millisecond added when it has any
     * (e.g. {@code 2026-08-01T10:15:30.123456789Z}), so that {@link Instant#parse} gives the same instant back.
     */
    public static String formatExact(Instant instant) {
        int belowMillis = instant.getNano() % 1_000_000;
        String millis = format(instant);
        if (belowMillis == 0) {
            return millis;
        }
        String digits = String.format("%06d", belowMillis).replaceAll("0+$", "");
        return millis.substring(0, millis.length() - 1) + digits + "Z";
    }
}
