package dev.aigw.emulator.internal.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.HazardCategory;
import dev.aigw.emulator.ScanAction;
import dev.aigw.emulator.ScanOutcome;
import dev.aigw.emulator.ScanTarget;
import dev.aigw.emulator.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes what the content checks found: the {@code cf-aig-dlp} header (proxy.md 3.2, docs
 * {@code features/dlp/set-up-dlp}), and the members a log entry adds for it: {@code dlp_action}, {@code dlp} (the
 * header's object, each finding with its own {@code action} too) and {@code guardrails} ({@code {"action",
 * "findings": [{"target", "category", "name", "action"}]}}), each only when something was found. Reads those
 * members back for the remote emulator.
 */
public final class ScanOutcomeJson {

    /** The response header carrying DLP findings. */
    public static final String DLP_HEADER = "cf-aig-dlp";

    private ScanOutcomeJson() {
    }

    /** Returns the {@code cf-aig-dlp} header's value, or empty when no DLP profile matched. */
    public static Optional<String> dlpHeader(ScanOutcome outcome) {
        return outcome.dlpAction().map(action -> Json.text(dlp(outcome, false)));
    }

    /** Adds the log entry members for this outcome to {@code node}. */
    public static void putLogMembers(ObjectNode node, ScanOutcome outcome) {
        outcome.dlpAction().ifPresent(action -> {
            node.put("dlp_action", action.name());
            node.set("dlp", dlp(outcome, true));
        });
        outcome.guardrailsAction().ifPresent(action -> {
            ObjectNode guardrails = node.putObject("guardrails").put("action", action.name());
            ArrayNode findings = guardrails.putArray("findings");
            for (ScanOutcome.Hazard h : outcome.hazards()) {
                findings.addObject().put("target", h.target().name().toLowerCase(Locale.ROOT))
                        .put("category", h.category().name()).put("name", h.category().title())
                        .put("action", h.action().name());
            }
        });
    }

    /** Reads the members {@link #putLogMembers} wrote; {@link ScanOutcome#NONE} when there are none. */
    public static ScanOutcome parseLogMembers(JsonNode node) {
        List<ScanOutcome.Hazard> hazards = new ArrayList<>();
        for (JsonNode h : node.path("guardrails").path("findings")) {
            hazards.add(new ScanOutcome.Hazard(target(h.get("target").textValue()),
                    HazardCategory.of(h.get("category").textValue()), ScanAction.valueOf(h.get("action").textValue())));
        }
        List<ScanOutcome.DlpFinding> findings = new ArrayList<>();
        for (JsonNode f : node.path("dlp").path("findings")) {
            findings.add(new ScanOutcome.DlpFinding(f.get("check").textValue().equals("REQUEST")
                    ? ScanTarget.PROMPT : ScanTarget.RESPONSE, f.get("profile").get("profile_id").textValue(),
                    texts(f.get("profile").get("entry_ids")), texts(f.get("policy_ids")),
                    ScanAction.valueOf(f.get("action").textValue())));
        }
        return hazards.isEmpty() && findings.isEmpty() ? ScanOutcome.NONE : new ScanOutcome(hazards, findings);
    }

    private static ObjectNode dlp(ScanOutcome outcome, boolean withActions) {
        ObjectNode node = Json.object();
        ArrayNode findings = node.putArray("findings");
        for (ScanOutcome.DlpFinding f : outcome.dlpFindings()) {
            ObjectNode finding = findings.addObject();
            ObjectNode profile = finding.putObject("profile");
            profile.putObject("context");
            ArrayNode entries = profile.putArray("entry_ids");
            f.entryIds().forEach(entries::add);
            profile.put("profile_id", f.profileId());
            ArrayNode policies = finding.putArray("policy_ids");
            f.policyIds().forEach(policies::add);
            finding.put("check", f.target().dlpCheck());
            if (withActions) {
                finding.put("action", f.action().name());
            }
        }
        node.put("action", outcome.dlpAction().orElseThrow().name());
        return node;
    }

    private static ScanTarget target(String name) {
        return name.equals("prompt") ? ScanTarget.PROMPT : ScanTarget.RESPONSE;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.textValue()));
        return texts;
    }
}
