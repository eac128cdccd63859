package dev.aigw.emulator.internal.proxy;

import io.undertow.util.HttpString;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Undertow's names for response headers, made once per name: the fakes and the gateway send the same few
 * dozen names on every reply. Names from real upstreams are remembered up to a bound, then made each time.
 */
final class HeaderNames {

    private static final int MAX_REMEMBERED = 1024;
    private static final ConcurrentHashMap<String, HttpString> NAMES = new ConcurrentHashMap<>();

    private HeaderNames() {
    }

    static HttpString of(String name) {
        HttpString known = NAMES.get(name);
        if (known != null) {
            return known;
        }
        HttpString made = HttpString.tryFromString(name);
        if (NAMES.size() < MAX_REMEMBERED) {
            NAMES.putIfAbsent(name, made);
        }
        return made;
    }
}
