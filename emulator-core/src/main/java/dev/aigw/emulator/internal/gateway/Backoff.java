package dev.aigw.emulator.internal.gateway;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the wait between attempts grows (proxy.md 4.3): with base delay {@code d} and retry number
 * {@code k} (1 before the second attempt), the wait is {@code d}, {@code d·k} or {@code d·2^(k-1)}.
 * The computed wait is not capped; only the base delay is (5000 ms).
 */
public enum Backoff {
    CONSTANT {
        @Override
        public long delayMillis(long base, int retry) {
            return base;
        }
    },
    LINEAR {
        @Override
        public long delayMillis(long base, int retry) {
            return base * retry;
        }
    },
    EXPONENTIAL {
        @Override
        public long delayMillis(long base, int retry) {
            return base << (retry - 1);
        }
    };

    /** Returns the wait before retry {@code retry} (1-based) with base delay {@code base} milliseconds. */
    public abstract long delayMillis(long base, int retry);

    /** Reads a backoff name as the API and headers spell it ({@code constant}, {@code linear}, {@code exponential}). */
    public static Optional<Backoff> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(b -> b.name().equals(upper)).findFirst();
    }
}
