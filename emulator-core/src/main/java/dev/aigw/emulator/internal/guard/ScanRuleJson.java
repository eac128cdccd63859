package dev.aigw.emulator.internal.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.HazardCategory;
import dev.aigw.emulator.ScanRule;
import dev.aigw.emulator.ScanTarget;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ScanRule} as the control API's {@code /__emulator/scanner/rules} takes and lists it: {@code {"target":
 * "prompt" | "response", "pattern": regex, "hazards": ["S1", ..], "dlp_profiles": ["profile-id" | {"profile_id",
 * "entry_ids": [..]}, ..], "test_id": id | null}}. An unknown member, target or hazard category is refused with the closest names.
 */
public final class ScanRuleJson {

    private static final JsonShape PROFILE = JsonShape.anyOf("a profile id or {\"profile_id\", \"entry_ids\"}",
            JsonShape.text(1, 256),
            JsonShape.closedObject(JsonShape.required("profile_id", JsonShape.text(1, 256)),
                    JsonShape.optional("entry_ids", JsonShape.arrayOf(JsonShape.text(1, 256)))));

    private static final JsonShape.Obj RULE = JsonShape.closedObject(
            JsonShape.required("target", JsonShape.oneOf("prompt", "response")),
            JsonShape.required("pattern", JsonShape.text(0, 10_000)),
            JsonShape.optional("hazards", JsonShape.arrayOf(JsonShape.text(1, 16))),
            JsonShape.optional("dlp_profiles", JsonShape.arrayOf(PROFILE)),
            JsonShape.optionalNullable("test_id", JsonShape.text(1, 256)));

    private ScanRuleJson() {
    }

    /** Writes a rule. */
    public static ObjectNode render(ScanRule rule) {
        ObjectNode node = Json.object()
                .put("target", rule.target().name().toLowerCase(Locale.ROOT))
                .put("pattern", rule.pattern());
        ArrayNode hazards = node.putArray("hazards");
        rule.hazards().forEach(h -> hazards.add(h.name()));
        ArrayNode profiles = node.putArray("dlp_profiles");
        for (ScanRule.DlpProfileMatch p : rule.dlpProfiles()) {
            ArrayNode entries = profiles.addObject().put("profile_id", p.profileId()).putArray("entry_ids");
            p.entryIds().forEach(entries::add);
        }
        node.put("test_id", rule.testId());
        return node;
    }

    /**
     * Reads a rule, refusing a bad one with 400/7001 and the path of the member at fault.
     *
     * @param path where the rule is, e.g. {@code ["body"]}
     */
    public static ScanRule parse(JsonNode node, List<String> path) {
        RULE.check(node, path);
        List<HazardCategory> hazards = new ArrayList<>();
        JsonNode codes = node.path("hazards");
        for (int i = 0; i < codes.size(); i++) {
            try {
                hazards.add(HazardCategory.of(codes.get(i).textValue()));
            } catch (IllegalArgumentException e) {
                List<String> at = child(path, "hazards", String.valueOf(i));
                throw ApiException.validation(JsonShape.location(at) + ": " + e.getMessage(), at).because(e);
            }
        }
        List<ScanRule.DlpProfileMatch> profiles = new ArrayList<>();
        for (JsonNode p : node.path("dlp_profiles")) {
            if (p.isTextual()) {
                profiles.add(new ScanRule.DlpProfileMatch(p.textValue(), List.of()));
            } else {
                List<String> entries = new ArrayList<>();
                p.path("entry_ids").forEach(e -> entries.add(e.textValue()));
                profiles.add(new ScanRule.DlpProfileMatch(p.get("profile_id").textValue(), entries));
            }
        }
        ScanTarget target = node.get("target").textValue().equals("prompt") ? ScanTarget.PROMPT : ScanTarget.RESPONSE;
        try {
            JsonNode testId = node.get("test_id");
            return new ScanRule(target, node.get("pattern").textValue(), hazards, profiles,
                    testId == null || testId.isNull() ? null : testId.textValue());
        } catch (IllegalArgumentException e) {
            List<String> at = child(path, "pattern");
            throw ApiException.validation(JsonShape.location(at) + ": " + e.getMessage(), at).because(e);
        }
    }

    private static List<String> child(List<String> path, String... names) {
        List<String> at = new ArrayList<>(path);
        at.addAll(List.of(names));
        return at;
    }
}
