package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.util.BoundedMemo;
import io.undertow.util.HttpString;

/**
 * Undertow's names for response headers, made once per name: the fakes and the gateway send the same few
 * dozen names on every reply. Names from real upstreams are remembered up to a bound, then made each time.
 */
final class HeaderNames {

    private static final BoundedMemo<HttpString> NAMES = new BoundedMemo<>(1024, HttpString::tryFromString);

    private HeaderNames() {
    }

    static HttpString of(String name) {
        return NAMES.get(name);
    }
}
