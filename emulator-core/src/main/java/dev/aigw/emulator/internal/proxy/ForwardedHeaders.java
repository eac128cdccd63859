package dev.aigw.emulator.internal.proxy;

import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides which client headers go upstream: all but hop-by-hop headers and the gateway's own
 * ({@code cf-aig-*}, {@code cf-cache-ttl}, {@code cf-skip-cache}), which the gateway consumes (proxy.md 3.3).
 */
public final class ForwardedHeaders {

    private static final Set<String> NOT_FORWARDED = Set.of(
            "host", "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
            "te", "trailer", "transfer-encoding", "upgrade", "content-length", "expect", "accept-encoding",
            "cf-cache-ttl", "cf-skip-cache");

    private ForwardedHeaders() {
    }

    /** Tells whether a header (any case) is one the gateway keeps for itself or for the hop. */
    public static boolean isForwarded(String name, String testIdHeader) {
        return isForwardedLowerCase(name.toLowerCase(Locale.ROOT), testIdHeader);
    }

    private static boolean isForwardedLowerCase(String name, String testIdHeader) {
        return !NOT_FORWARDED.contains(name) && !name.startsWith("cf-aig-") && !name.equals(testIdHeader);
    }

    /** Copies the forwarded client headers, names in lower case. */
    public static Map<String, List<String>> from(HeaderMap headers, String testIdHeader) {
        Map<String, List<String>> forwarded = new LinkedHashMap<>();
        for (HeaderValues values : headers) {
            String name = values.getHeaderName().toString().toLowerCase(Locale.ROOT);
            if (isForwardedLowerCase(name, testIdHeader)) {
                forwarded.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
            }
        }
        return forwarded;
    }
}
