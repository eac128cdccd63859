package dev.aigw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One custom provider of the default account as the management API answers it (management-api-2.md 3.1).
 *
 * @param id the server-chosen UUID
 * @param settings what the provider was created or last patched with
 * @param createdAt when it was created, to the millisecond
 * @param modifiedAt when it was last changed, to the millisecond
 */
public record CustomProvider(String id, CustomProviderSettings settings, Instant createdAt, Instant modifiedAt) {

    /** Checks that every member is present. */
    public CustomProvider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
    }

    /** Returns the provider's path segment on the data plane, {@code custom-{slug}}. */
    public String pathSlug() {
        return "custom-" + settings.slug();
    }

    /** Reads an object as the management API answers it. */
    static CustomProvider fromJson(JsonNode json) {
        return new CustomProvider(json.get("id").textValue(), CustomProviderSettings.fromJson(json),
                Instant.parse(json.get("created_at").textValue()), Instant.parse(json.get("modified_at").textValue()));
    }
}
