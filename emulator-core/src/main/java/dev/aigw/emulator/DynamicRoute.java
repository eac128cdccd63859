package dev.aigw.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * A dynamic route of a gateway as the management API answers it (management-api-2.md 4.1-4.2), called on the data
 * plane as model {@code dynamic/{name}}.
 *
 * @param id the route id
 * @param gatewayId the gateway it belongs to
 * @param name its name, unique in the gateway
 * @param elements the live version's elements, a JSON array as text, stored as sent (management-api-2.md 4.3)
 * @param version the live version
 * @param deployment the newest deployment, which made {@code version} live
 * @param createdAt when it was created, on the emulator's clock (milliseconds)
 * @param modifiedAt when it was last renamed, given a version or deployed
 */
public record DynamicRoute(String id, String gatewayId, String name, String elements, RouteVersion version,
                           RouteDeployment deployment, Instant createdAt, Instant modifiedAt) {

    /** Checks the required components. */
    public DynamicRoute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(elements, "elements");
    }
}
