package dev.aigw.emulator.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates create and update bodies against {@link GatewayFields} and binds the settings to store. Every
 * member is checked, and a body with several invalid or missing members is refused with one error for each
 * ({@link ApiException#allOf}), in the order of the table, the id first. Unknown and read-only members are
 * ignored, as the real API ignores them.
 */
public final class GatewayBodies {

    private static final List<String> BODY = List.of("body");
    private static final JsonShape.Member ID = new JsonShape.Member("id", GatewayFields.ID, true, false);

    /** A validated create body: the new gateway's id and its settings, defaults applied. */
    public record NewGateway(String id, StoredSettings settings) {
    }

    private GatewayBodies() {
    }

    /** Validates a create body, its id and every field, and returns the new gateway's id and settings. */
    public static NewGateway forCreate(ObjectNode body) {
        List<ApiException> failures = new ArrayList<>();
        try {
            ID.check(body, BODY);
        } catch (ApiException e) {
            failures.add(e);
        }
        Map<String, JsonNode> settings = withDefaults(validated(body, failures));
        throwIfAny(failures);
        return new NewGateway(body.get("id").textValue(), StoredSettings.bind(settings));
    }

    /**
     * Validates a body as a create body without its id and returns exactly the settings it gives, defaults
     * applied to the rest: what a gateway whose settings are replaced as a whole gets.
     */
    public static StoredSettings forReplace(ObjectNode body) {
        List<ApiException> failures = new ArrayList<>();
        Map<String, JsonNode> settings = withDefaults(validated(body, failures));
        throwIfAny(failures);
        return StoredSettings.bind(settings);
    }

    /**
     * Returns the settings of a {@code default} gateway created by a data-plane request: authentication
     * on, logs on, caching off (TTL 0), rate limiting off, the rest at their defaults (README, seed).
     */
    public static StoredSettings forAutoCreatedDefault() {
        ObjectNode body = Json.object()
                .put("authentication", true)
                .put("collect_logs", true)
                .put("cache_ttl", 0)
                .put("cache_invalidate_on_update", false)
                .put("rate_limiting_interval", 0)
                .put("rate_limiting_limit", 0);
        return forReplace(body);
    }

    /**
     * Validates an update body and returns the merged settings: present members replace, explicit
     * {@code null} clears, absent optional members keep their stored value (management-api.md Q3).
     */
    public static StoredSettings forUpdate(ObjectNode body, StoredSettings current) {
        List<ApiException> failures = new ArrayList<>();
        Map<String, JsonNode> settings = new HashMap<>(current.members());
        settings.putAll(validated(body, failures));
        throwIfAny(failures);
        return StoredSettings.bind(settings);
    }

    /** Returns the members the body gives, as stored; every member that does not fit adds its failure. */
    private static Map<String, JsonNode> validated(ObjectNode body, List<ApiException> failures) {
        Map<String, JsonNode> given = new HashMap<>();
        for (GatewayField field : GatewayFields.ALL) {
            try {
                new JsonShape.Member(field.name(), field.shape(), field.required(), field.nullable()).check(body, BODY);
            } catch (ApiException e) {
                failures.add(e);
                continue;
            }
            JsonNode value = body.get(field.name());
            if (value != null) {
                given.put(field.name(), stored(field, value));
            }
        }
        return given;
    }

    private static Map<String, JsonNode> withDefaults(Map<String, JsonNode> given) {
        Map<String, JsonNode> settings = new HashMap<>(given);
        for (GatewayField field : GatewayFields.ALL) {
            if (field.defaultValue() != null) {
                settings.putIfAbsent(field.name(), field.defaultValue());
            }
        }
        return settings;
    }

    private static void throwIfAny(List<ApiException> failures) {
        if (!failures.isEmpty()) {
            throw ApiException.allOf(failures);
        }
    }

    private static JsonNode stored(GatewayField field, JsonNode value) {
        if (value.isNull() && field.defaultValue() != null) {
            return field.defaultValue();
        }
        return value.isNull() ? NullNode.getInstance() : value.deepCopy();
    }
}
