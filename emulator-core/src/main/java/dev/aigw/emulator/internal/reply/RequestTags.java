package dev.aigw.emulator.internal.reply;

import java.util.Map;

/**
 * What the gateway knows about a request beyond its upstream body, for reply rules to match on.
 *
 * @param gatewayId the gateway the client called, or {@code null} outside a gateway (unit tests)
 * @param testId the client's test id header, or {@code null}
 * @param metadata the entries of the {@code cf-aig-metadata} header, values as text
 */
public record RequestTags(String gatewayId, String testId, Map<String, String> metadata) {

    /** Tags of a request that carries none. */
    public static final RequestTags NONE = new RequestTags(null, null, Map.of());

    public RequestTags {
        metadata = Map.copyOf(metadata);
    }
}
