package dev.aigw.emulator.internal.log;

import dev.aigw.emulator.internal.util.BoundedMemo;
import java.util.function.Function;

/**
 * Keeps one copy of the short strings that recur from one log entry to the next (model names, provider paths,
 * content types, user agents), so that each stored entry does not hold its own. Bounded: once full, strings
 * are kept as given. Thread-safe.
 */
public final class StringPool {

    private static final int MAX_STRINGS = 4096;
    private static final int MAX_LENGTH = 256;

    private final BoundedMemo<String> strings = new BoundedMemo<>(MAX_STRINGS, Function.identity());

    /** Returns the pooled copy of {@code value}, pooling it if there is room; {@code null} stays {@code null}. */
    public String of(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return value;
        }
        return strings.get(value);
    }
}
