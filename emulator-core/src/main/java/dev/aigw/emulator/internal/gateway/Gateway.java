package dev.aigw.emulator.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Instant;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A gateway as stored: its id, its settings and its read-only members. Immutable; an update makes a new one.
 */
public record Gateway(String accountId, String id, StoredSettings settings, boolean isDefault,
                      Instant createdAt, Instant modifiedAt, String internalId) {

    /** The id that auto-creates on the first authenticated data-plane request. */
    public static final String DEFAULT_ID = "default";

    public Gateway {
        Objects.requireNonNull(settings, "settings");
    }

    /** Returns a copy with other settings and a new modification time. */
    public Gateway withSettings(StoredSettings newSettings, Instant now) {
        return new Gateway(accountId, id, newSettings, isDefault, createdAt, now, internalId);
    }

    /**
     * Renders the gateway as the API returns it: {@code id} first, then every other member alphabetically.
     *
     * @param legacyFields whether to add {@code account_id}, {@code account_tag} and {@code internal_id},
     *     which the schema listed until 2026-03
     */
    public ObjectNode toJson(boolean legacyFields) {
        TreeMap<String, JsonNode> members = new TreeMap<>(settings.members());
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
