package dev.aigw.emulator.internal.guard;

import dev.aigw.emulator.HazardCategory;
import dev.aigw.emulator.ScanAction;
import dev.aigw.emulator.ScanOutcome;
import dev.aigw.emulator.ScanTarget;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.gateway.DlpSettings;
import dev.aigw.emulator.internal.gateway.GuardrailSettings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides what a gateway's Guardrails and DLP settings do with a prompt or a response, from what the fake scanner
 * finds in it (proxy.md 4.7, 9.2; docs {@code features/guardrails}, {@code features/dlp}). Guardrails first: a
 * category set to BLOCK that is hit answers 424/2016 (prompt) or 2017 (response); when the Guardrails scanner is
 * unavailable, a BLOCK category for that target answers 503/7013, and with only FLAG categories the content goes on
 * unevaluated. Then DLP: a matched profile of an enabled policy that checks the target and blocks answers 424/2029
 * (request) or 2030 (response). Anything else that matched flags. Thread-safe.
 */
public final class ContentChecks {

    static final String PROMPT_BLOCKED = "Prompt blocked due to security configurations";
    static final String RESPONSE_BLOCKED = "Response blocked due to security configurations";
    static final String DLP_REQUEST_BLOCKED = "Request content blocked due to DLP policy violations";
    static final String DLP_RESPONSE_BLOCKED = "Response content blocked due to DLP policy violations";
    // [E] The real message of 7013 is not documented.
    static final String SCANNER_UNAVAILABLE = "Guardrails evaluation unavailable";

    private final ScanBook book;

    public ContentChecks(ScanBook book) {
        this.book = book;
    }

    /**
     * Tells whether anything checks this target. Guardrails reads the responses of text-generation models only: an
     * embedding's vector is not moderated (docs {@code features/guardrails/supported-model-types}).
     */
    public static boolean applies(GuardrailSettings guardrails, DlpSettings dlp, ScanTarget target,
                                  boolean textGeneration) {
        return guardrailsApply(guardrails, target, textGeneration) || dlp != null && dlp.checks(target);
    }

    /**
     * Checks one prompt or response body of a request with this test id (or {@code null}); either setting may be
     * {@code null} (off).
     */
    public Verdict check(GuardrailSettings guardrails, DlpSettings dlp, ScanTarget target, String testId, byte[] body,
                         boolean textGeneration) {
        ScanBook.Found found = book.find(target, testId, new String(body, StandardCharsets.UTF_8));
        List<ScanOutcome.Hazard> hazards = new ArrayList<>();
        if (guardrailsApply(guardrails, target, textGeneration)) {
            Map<HazardCategory, ScanAction> actions = guardrails.actions(target);
            if (!book.guardrailsAvailable()) {
                if (guardrails.blocks(target)) {
                    String blocking = actions.entrySet().stream().filter(e -> e.getValue() == ScanAction.BLOCK)
                            .map(e -> e.getKey().name()).collect(Collectors.joining(", "));
                    return new Verdict(ScanOutcome.NONE, ApiException.gateway(503, 7013, SCANNER_UNAVAILABLE),
                            "the Guardrails scanner is unavailable and " + blocking + " block "
                                    + noun(target) + "s");
                }
            } else {
                for (HazardCategory category : found.hazards()) {
                    ScanAction action = actions.get(category);
                    if (action != null) {
                        hazards.add(new ScanOutcome.Hazard(target, category, action));
                    }
                }
            }
        }
        List<ScanOutcome.DlpFinding> findings = new ArrayList<>();
        if (dlp != null) {
            found.profiles().forEach((profile, entries) -> finding(dlp, target, profile, entries)
                    .ifPresent(findings::add));
        }
        ScanOutcome outcome = new ScanOutcome(hazards, findings);
        List<String> blockingHazards = hazards.stream().filter(h -> h.action() == ScanAction.BLOCK)
                .map(h -> h.category().name() + " (" + h.category().title() + ")").toList();
        if (!blockingHazards.isEmpty()) {
            boolean prompt = target == ScanTarget.PROMPT;
            return new Verdict(outcome, ApiException.gateway(424, prompt ? 2016 : 2017,
                    prompt ? PROMPT_BLOCKED : RESPONSE_BLOCKED),
                    "Guardrails blocked the " + noun(target) + ": " + String.join(", ", blockingHazards));
        }
        List<String> blockingProfiles = findings.stream().filter(f -> f.action() == ScanAction.BLOCK)
                .map(f -> f.profileId() + (f.policyIds().isEmpty() ? "" : " (policy " + String.join(", ",
                        f.policyIds()) + ")")).toList();
        if (!blockingProfiles.isEmpty()) {
            boolean request = target == ScanTarget.PROMPT;
            return new Verdict(outcome, ApiException.gateway(424, request ? 2029 : 2030,
                    request ? DLP_REQUEST_BLOCKED : DLP_RESPONSE_BLOCKED),
                    "DLP blocked the " + (request ? "request" : "response") + ": profile "
                            + String.join(", ", blockingProfiles));
        }
        return new Verdict(outcome, null, null);
    }

    private static Optional<ScanOutcome.DlpFinding> finding(DlpSettings dlp, ScanTarget target,
                                                                      String profile, Set<String> entries) {
        List<DlpSettings.Policy> policies = dlp.policies().stream()
                .filter(p -> p.checks().contains(target) && p.profiles().contains(profile)).toList();
        if (policies.isEmpty()) {
            return Optional.empty();
        }
        ScanAction action = policies.stream().anyMatch(p -> p.action() == ScanAction.BLOCK)
                ? ScanAction.BLOCK : ScanAction.FLAG;
        List<String> ids = policies.stream().map(DlpSettings.Policy::id).filter(Objects::nonNull).toList();
        return Optional.of(new ScanOutcome.DlpFinding(target, profile, List.copyOf(entries), ids, action));
    }

    private static boolean guardrailsApply(GuardrailSettings guardrails, ScanTarget target, boolean textGeneration) {
        return guardrails != null && !guardrails.actions(target).isEmpty()
                && (target == ScanTarget.PROMPT || textGeneration);
    }

    private static String noun(ScanTarget target) {
        return target == ScanTarget.PROMPT ? "prompt" : "response";
    }
}
