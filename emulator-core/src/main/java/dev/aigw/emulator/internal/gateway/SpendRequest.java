package dev.aigw.emulator.internal.gateway;

import java.util.Map;

/**
 * What a spend-limit rule looks at in a request: its provider, its model and its kept {@code cf-aig-metadata}
 * (values as text).
 */
public record SpendRequest(String provider, String model, Map<String, String> metadata) {

    public SpendRequest {
        metadata = Map.copyOf(metadata);
    }
}
