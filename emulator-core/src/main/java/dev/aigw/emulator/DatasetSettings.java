package dev.aigw.emulator;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a client sets on a {@link Dataset} (management-api-2.md 5.1, D2 and D4): all three members, replaced as a
 * whole by an update.
 *
 * <pre>{@code
 * emulator.evaluations().createDataset("my-gateway",
 *         DatasetSettings.of("openai traffic", DatasetFilter.eq(DatasetFilter.Key.PROVIDER, "openai")));
 * }</pre>
 *
 * @param name the name, 1 to 255 characters, unique in the gateway
 * @param enabled the {@code enable} flag
 * @param filters the filters, all of which must hold; none selects every log
 */
public record DatasetSettings(String name, boolean enabled, List<DatasetFilter> filters) {

    /** Checks the name and copies the filters. */
    public DatasetSettings {
        Objects.requireNonNull(name, "name");
        filters = List.copyOf(Objects.requireNonNull(filters, "filters"));
    }

    /** Returns enabled settings with these filters. */
    public static DatasetSettings of(String name, DatasetFilter... filters) {
        return new DatasetSettings(name, true, Arrays.asList(filters));
    }

    /** Returns a copy with the {@code enable} flag set to {@code enabled}. */
    public DatasetSettings withEnabled(boolean enabled) {
        return new DatasetSettings(name, enabled, filters);
    }
}
