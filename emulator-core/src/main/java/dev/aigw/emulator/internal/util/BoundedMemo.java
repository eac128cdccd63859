package dev.aigw.emulator.internal.util;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a function made of each key, for keys that recur on every request; past a bound it stops
 * remembering and makes the value each time, so that keys from outside (a real upstream's header names, user
 * agents) cannot grow it without end. Thread-safe; two threads may make the same value once each.
 *
 * @param <V> what is made of a key
 */
public final class BoundedMemo<V> {

    private final int maxKeys;
    private final Function<String, V> make;
    private final Map<String, V> made = new ConcurrentHashMap<>();

    public BoundedMemo(int maxKeys, Function<String, V> make) {
        this.maxKeys = maxKeys;
        this.make = make;
    }

    /** Returns the remembered value of {@code key}, making (and remembering, if there is room) it if needed. */
    public V get(String key) {
        V known = made.get(key);
        if (known != null) {
            return known;
        }
        V value = make.apply(key);
        if (made.size() >= maxKeys) {
            return value;
        }
        V raced = made.putIfAbsent(key, value);
        return raced != null ? raced : value;
    }
}
