package dev.aigw.emulator.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a gateway's {@code spend_limits} (as the gateway API validated and stored it) into its enabled rules: none
 * when the whole is {@code enabled: false}; a rule without {@code enabled} is on, without {@code technique} fixed.
 */
public final class SpendRules {

    private SpendRules() {
    }

    /** Returns the enabled rules of a gateway's {@code spend_limits} value ({@code null} or JSON null: none). */
    public static List<SpendRule> parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            return List.of();
        }
        if (root.has("enabled") && !root.get("enabled").booleanValue() || !root.has("rules")) {
            return List.of();
        }
        List<SpendRule> rules = new ArrayList<>();
        JsonNode all = root.get("rules");
        for (int i = 0; i < all.size(); i++) {
            JsonNode r = all.get(i);
            if (r.has("enabled") && !r.get("enabled").booleanValue()) {
                continue;
            }
            Map<String, SpendRule.Dimension> metadata = new LinkedHashMap<>();
            if (r.has("metadata")) {
                for (Iterator<Map.Entry<String, JsonNode>> it = r.get("metadata").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    metadata.put(e.getKey(), dimension(e.getValue()));
                }
            }
            rules.add(new SpendRule(r.has("id") ? r.get("id").textValue() : "rule-" + (i + 1),
                    r.get("limit").decimalValue(), Duration.ofSeconds(r.get("window").longValue()),
                    r.has("technique") && r.get("technique").textValue().equals("sliding"),
                    dimension(r.get("provider")), dimension(r.get("model")), metadata));
        }
        return rules;
    }

    private static SpendRule.Dimension dimension(JsonNode node) {
        if (node == null || node.isNull()) {
            return new SpendRule.Dimension.Any();
        }
        if (node.get("mode").textValue().equals("partition")) {
            return new SpendRule.Dimension.Partition();
        }
        Set<String> values = new HashSet<>();
        node.get("values").forEach(v -> values.add(v.asText()));
        return new SpendRule.Dimension.Filter(values);
    }
}
