package dev.aigw.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * Describes a gateway of the emulator's default account as the management API returns it: its id, its settings,
 * when it was created and last changed (on the emulator's clock), and whether it is the {@code default} gateway.
 *
 * @param id the gateway id, e.g. {@code my-gateway}
 * @param settings every setting of the gateway
 * @param createdAt when the gateway was created ({@code created_at})
 * @param modifiedAt when the gateway was last created or updated ({@code modified_at})
 * @param isDefault whether this is the {@code default} gateway ({@code is_default})
 */
public record Gateway(String id, GatewaySettings settings, Instant createdAt, Instant modifiedAt, boolean isDefault) {

    /** Checks that every component but {@code isDefault} is given. */
    public Gateway {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
    }
}
