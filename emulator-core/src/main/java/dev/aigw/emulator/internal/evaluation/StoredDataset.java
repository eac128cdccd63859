package dev.aigw.emulator.internal.evaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Instant;
import java.util.List;

/**
 * A dataset of a gateway (management-api-2.md 5.1): a live query over the gateway's logs; every filter must hold.
 *
 * @param id the server-chosen UUID
 * @param gatewayId the gateway's id
 * @param name the name, unique in the gateway
 * @param enable the client's {@code enable} flag
 * @param filters the filters, ANDed; none selects every log
 * @param createdAt when it was created
 * @param modifiedAt when it was last replaced
 */
public record StoredDataset(String id, String gatewayId, String name, boolean enable, List<DatasetFilter> filters,
                            Instant createdAt, Instant modifiedAt) {

    /** Copies the filters. */
    public StoredDataset {
        filters = List.copyOf(filters);
    }

    /** Tells whether a log belongs to the dataset: it passes every filter. */
    public boolean selects(LogEntry entry) {
        return filters.stream().allMatch(f -> f.matches(entry));
    }

    /** Renders the dataset as the API writes it. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object().put("id", id).put("gateway_id", gatewayId).put("name", name)
                .put("enable", enable);
        ArrayNode rendered = json.putArray("filters");
        filters.forEach(f -> rendered.add(f.toJson()));
        return json.put("created_at", Timestamps.format(createdAt)).put("modified_at", Timestamps.format(modifiedAt));
    }
}
