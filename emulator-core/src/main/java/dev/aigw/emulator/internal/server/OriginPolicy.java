package dev.aigw.emulator.internal.server;

import dev.aigw.emulator.internal.util.Logs;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Decides whether a request may reach the emulator's own surfaces (the control API, a dashboard): its {@code Host}
 * must name a loopback name or address, the address the emulator is bound to, or an allowed host; a state-changing
 * request a browser sent from a page of another origin is refused. Host names are compared, never ports: a
 * container's mapped port differs from the one the emulator binds. Plain HTTP clients send no {@code Origin} and
 * no {@code Sec-Fetch-Site}, so they pass whatever content type they send.
 *
 * <p>Immutable and thread-safe; it never resolves a name (a DNS lookup is what DNS rebinding abuses).
 */
public final class OriginPolicy {

    private static final Logger LOG = Logs.getLogger(OriginPolicy.class);

    /** The allowed-hosts entry that allows any host. */
    public static final String ANY_HOST = "*";

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Optional<String> boundHost;
    private final Set<String> allowedHosts;

    private OriginPolicy(String boundHost, Set<String> allowedHosts) {
        String bound = normalize(boundHost);
        this.boundHost = isWildcard(bound) ? Optional.empty() : Optional.of(bound);
        this.allowedHosts = allowedHosts.stream().map(OriginPolicy::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /** Returns the policy of an emulator bound to {@code boundHost} that also allows {@code allowedHosts}. */
    public static OriginPolicy of(String boundHost, Set<String> allowedHosts) {
        return new OriginPolicy(boundHost, allowedHosts);
    }

    /** Tells whether {@code host} is a name, an address or {@link #ANY_HOST}: no port, path or white space. */
    public static boolean isHostForm(String host) {
        return host.equals(ANY_HOST) || host.matches("[A-Za-z0-9._-]+") || host.matches("\\[[0-9A-Fa-f:.]+\\]")
                || host.matches("[0-9A-Fa-f]*:[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");
    }

    /**
     * Returns why a request is refused, or empty if it may go on.
     *
     * @param method the request method
     * @param host the {@code Host} header, or {@code null} if absent (an HTTP/1.0 client)
     * @param origin the {@code Origin} header, or {@code null}
     * @param fetchSite the {@code Sec-Fetch-Site} header, or {@code null}
     */
    public Optional<String> refusal(String method, String host, String origin, String fetchSite) {
        if (host != null && !allows(hostOf(host))) {
            return Optional.of("the Host header names \"" + hostOf(host) + "\"");
        }
        if (!STATE_CHANGING.contains(method.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (origin != null) {
            String originHost = originHost(origin);
            if (originHost == null || !allows(originHost)) {
                return Optional.of("a " + method + " from a page of the origin \"" + origin + "\"");
            }
            return Optional.empty();
        }
        String site = fetchSite == null ? "" : fetchSite.trim().toLowerCase(Locale.ROOT);
        if (site.equals("cross-site") || site.equals("same-site")) {
            return Optional.of("a " + method + " a browser sent from another site (Sec-Fetch-Site: " + site + ")");
        }
        return Optional.empty();
    }

    /** Tells whether a host name or address literal (no port, IPv6 without brackets) is allowed. */
    boolean allows(String rawHost) {
        String host = normalize(rawHost);
        if (host.isEmpty()) {
            return false;
        }
        if (allowedHosts.contains(ANY_HOST) || allowedHosts.contains(host) || isLoopback(host)) {
            return true;
        }
        return boundHost.filter(bound -> bound.equals(host) || sameAddress(bound, host)).isPresent();
    }

    /** Returns the allowed hosts as given, sorted, for messages. */
    List<String> allowedHosts() {
        return allowedHosts.stream().sorted().toList();
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        return literal(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    private static boolean sameAddress(String a, String b) {
        Optional<InetAddress> left = literal(a);
        return left.isPresent() && left.equals(literal(b));
    }

    /** Parses an IPv4 dotted quad or an IPv6 literal, never a name. */
    private static Optional<InetAddress> literal(String host) {
        boolean ipv4 = IPV4.matcher(host).matches();
        boolean ipv6 = host.contains(":") && host.matches("[0-9a-f:.]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        if (ipv4) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            LOG.debug("Not an address literal, so not a loopback one: {}", host, e);
            return Optional.empty();
        }
    }

    /** Returns the host part of a {@code Host} header: no port, an IPv6 literal without its brackets. */
    static String hostOf(String header) {
        String value = header.trim();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(1, end);
        }
        int colon = value.indexOf(':');
        if (colon >= 0 && value.indexOf(':', colon + 1) < 0) {
            return value.substring(0, colon);
        }
        return value;
    }

    private static String originHost(String origin) {
        try {
            URI uri = new URI(origin.trim());
            String host = uri.getHost();
            return host == null ? null : hostOf(host);
        } catch (java.net.URISyntaxException e) {
            LOG.debug("An Origin that is no URI is a foreign one: {}", origin, e);
            return null;
        }
    }

    private static String normalize(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static boolean isWildcard(String host) {
        return literal(host).map(InetAddress::isAnyLocalAddress).orElse(false);
    }
}
