package dev.aigw.emulator.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates create and update bodies against {@link GatewayFields} and binds the settings to store.
 * Unknown and read-only members are ignored, as the real API ignores them.
 */
public final class GatewayBodies {

    private static final List<String> BODY = List.of("body");

    private GatewayBodies() {
    }

    /** Validates the {@code id} of a create body and returns it. */
    public static String createId(ObjectNode body) {
        new JsonShape.Member("id", GatewayFields.ID, true, false).check(body, BODY);
        return body.get("id").textValue();
    }

    /** Validates a create body and returns the new gateway's settings, defaults applied. */
    public static GatewaySettings forCreate(ObjectNode body) {
        Map<String, JsonNode> settings = new HashMap<>();
        for (GatewayField field : GatewayFields.ALL) {
            JsonNode value = validated(field, body);
            if (value != null) {
                settings.put(field.name(), stored(field, value));
            } else if (field.defaultValue() != null) {
                settings.put(field.name(), field.defaultValue());
            }
        }
        return GatewaySettings.bind(settings);
    }

    /**
     * Returns the settings of a {@code default} gateway created by a data-plane request: authentication
     * on, logs on, caching off (TTL 0), rate limiting off, the rest at their defaults (README, seed).
     */
    public static GatewaySettings forAutoCreatedDefault() {
        ObjectNode body = Json.object()
                .put("authentication", true)
                .put("collect_logs", true)
                .put("cache_ttl", 0)
                .put("cache_invalidate_on_update", false)
                .put("rate_limiting_interval", 0)
                .put("rate_limiting_limit", 0);
        return forCreate(body);
    }

    /**
     * Validates an update body and returns the merged settings: present members replace, explicit
     * {@code null} clears, absent optional members keep their stored value (management-api.md Q3).
     */
    public static GatewaySettings forUpdate(ObjectNode body, GatewaySettings current) {
        Map<String, JsonNode> settings = new HashMap<>(current.members());
        for (GatewayField field : GatewayFields.ALL) {
            JsonNode value = validated(field, body);
            if (value != null) {
                settings.put(field.name(), stored(field, value));
            }
        }
        return GatewaySettings.bind(settings);
    }

    private static JsonNode validated(GatewayField field, ObjectNode body) {
        new JsonShape.Member(field.name(), field.shape(), field.required(), field.nullable()).check(body, BODY);
        return body.get(field.name());
    }

    private static JsonNode stored(GatewayField field, JsonNode value) {
        if (value.isNull() && field.defaultValue() != null) {
            return field.defaultValue();
        }
        return value.isNull() ? NullNode.getInstance() : value.deepCopy();
    }
}
