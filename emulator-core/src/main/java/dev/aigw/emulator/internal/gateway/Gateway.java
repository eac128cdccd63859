package dev.aigw.emulator.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A gateway as stored: its id, its validated settings (every field of {@link GatewayFields} that is
 * set, explicit nulls included) and its read-only members. Immutable; an update makes a new one.
 */
public record Gateway(String accountId, String id, Map<String, JsonNode> settings, boolean isDefault,
                      Instant createdAt, Instant modifiedAt, String internalId) {

    /** The id that auto-creates on the first authenticated data-plane request. */
    public static final String DEFAULT_ID = "default";

    public Gateway {
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** Returns a copy with other settings and a new modification time. */
    public Gateway withSettings(Map<String, JsonNode> newSettings, Instant now) {
        return new Gateway(accountId, id, newSettings, isDefault, createdAt, now, internalId);
    }

    /** Returns a setting's value if it is set to a non-null value. */
    public Optional<JsonNode> setting(String name) {
        JsonNode value = settings.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** Tells whether the data plane requires {@code cf-aig-authorization}. */
    public boolean authentication() {
        JsonNode value = settings.get("authentication");
        return value != null && value.booleanValue();
    }

    /** Tells whether requests are logged. */
    public boolean collectLogs() {
        JsonNode value = settings.get("collect_logs");
        return value != null && value.booleanValue();
    }

    /** Returns the cache TTL in seconds; 0 when caching is off. */
    public long cacheTtlSeconds() {
        JsonNode value = settings.get("cache_ttl");
        return value == null ? 0L : value.longValue();
    }

    /**
     * Renders the gateway as the API returns it: {@code id} first, then every other member alphabetically.
     *
     * @param legacyFields whether to add {@code account_id}, {@code account_tag} and {@code internal_id},
     *     which the schema listed until 2026-03
     */
    public ObjectNode toJson(boolean legacyFields) {
        TreeMap<String, JsonNode> members = new TreeMap<>(settings);
        members.put("created_at", Json.nodes().textNode(Timestamps.format(createdAt)));
        members.put("modified_at", Json.nodes().textNode(Timestamps.format(modifiedAt)));
        members.put("is_default", Json.nodes().booleanNode(isDefault));
        if (legacyFields) {
            members.put("account_id", Json.nodes().textNode(accountId));
            members.put("account_tag", Json.nodes().textNode(accountId));
            members.put("internal_id", Json.nodes().textNode(internalId));
        }
        ObjectNode node = Json.object().put("id", id);
        members.forEach(node::set);
        return node;
    }
}
