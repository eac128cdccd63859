package dev.aigw.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A dataset of a gateway as the management API answers it (management-api-2.md 5.1): a live query over the
 * gateway's logs that {@link Evaluation}s are computed from.
 *
 * @param id the dataset's id (a UUID)
 * @param gatewayId the gateway it belongs to
 * @param name the name
 * @param enabled the {@code enable} flag
 * @param filters the filters, all of which must hold
 * @param createdAt when it was created
 * @param modifiedAt when it was last replaced
 */
public record Dataset(String id, String gatewayId, String name, boolean enabled, List<DatasetFilter> filters,
                      Instant createdAt, Instant modifiedAt) {

    /** Checks the id and copies the filters. */
    public Dataset {
        Objects.requireNonNull(id, "id");
        filters = List.copyOf(filters);
    }

    /** Returns the settings the dataset has, e.g. to change some and update it. */
    public DatasetSettings settings() {
        return new DatasetSettings(name, enabled, filters);
    }
}
