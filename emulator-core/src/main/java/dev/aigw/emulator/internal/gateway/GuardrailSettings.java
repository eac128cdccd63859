package dev.aigw.emulator.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.HazardCategory;
import dev.aigw.emulator.ScanAction;
import dev.aigw.emulator.ScanTarget;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A gateway's {@code guardrails} setting (management-api.md 3.3): for the prompt and for the response, what each
 * hazard category does; a category not named is ignored. Unknown members were ignored when it was stored.
 */
public record GuardrailSettings(Map<HazardCategory, ScanAction> prompt, Map<HazardCategory, ScanAction> response) {

    /** Copies the maps. */
    public GuardrailSettings {
        prompt = Collections.unmodifiableMap(new EnumMap<>(copy(prompt)));
        response = Collections.unmodifiableMap(new EnumMap<>(copy(response)));
    }

    /** Binds the stored setting, validated by {@link GatewayFields}; empty when unset or {@code null}. */
    static Optional<GuardrailSettings> bind(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new GuardrailSettings(categories(value.get("prompt")), categories(value.get("response"))));
    }

    /** Returns what each category does for this target. */
    public Map<HazardCategory, ScanAction> actions(ScanTarget target) {
        return target == ScanTarget.PROMPT ? prompt : response;
    }

    /** Tells whether any category of this target blocks. */
    public boolean blocks(ScanTarget target) {
        return actions(target).containsValue(ScanAction.BLOCK);
    }

    private static Map<HazardCategory, ScanAction> categories(JsonNode node) {
        Map<HazardCategory, ScanAction> actions = new EnumMap<>(HazardCategory.class);
        if (node != null) {
            for (HazardCategory category : HazardCategory.values()) {
                JsonNode action = node.get(category.name());
                if (action != null && action.isTextual()) {
                    actions.put(category, ScanAction.valueOf(action.textValue()));
                }
            }
        }
        return actions;
    }

    private static Map<HazardCategory, ScanAction> copy(Map<HazardCategory, ScanAction> map) {
        return map.isEmpty() ? new EnumMap<>(HazardCategory.class) : map;
    }
}
