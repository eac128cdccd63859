package dev.aigw.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway's Guardrails and DLP checks found in one logged request (or universal step), as its log entry
 * keeps it: the hazard categories that flagged or blocked, and the DLP profiles that matched, each with the
 * check that found it. Categories the gateway ignores and profiles no enabled policy checks are not listed.
 *
 * @param hazards the Guardrails findings, prompt first
 * @param dlpFindings the DLP findings, request first
 */
public record ScanOutcome(List<Hazard> hazards, List<DlpFinding> dlpFindings) {

    /** The outcome of a request nothing was found in. */
    public static final ScanOutcome NONE = new ScanOutcome(List.of(), List.of());

    /**
     * One hazard category found by Guardrails.
     *
     * @param target the prompt or the response
     * @param category the category
     * @param action what the gateway's setting for that category did
     */
    public record Hazard(ScanTarget target, HazardCategory category, ScanAction action) {

        /** Checks every component is given. */
        public Hazard {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(action, "action");
        }
    }

    /**
     * One DLP profile that matched, as an element of the {@code cf-aig-dlp} header's {@code findings}.
     *
     * @param target the request or the response (the header's {@code check})
     * @param profileId the profile
     * @param entryIds the profile's entries that matched
     * @param policyIds the enabled policies that check this profile there ({@code []} for the legacy setting's
     *     single unnamed policy)
     * @param action what the strictest of those policies did
     */
    public record DlpFinding(ScanTarget target, String profileId, List<String> entryIds, List<String> policyIds,
                             ScanAction action) {

        /** Checks every component is given and copies the lists. */
        public DlpFinding {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(profileId, "profileId");
            Objects.requireNonNull(action, "action");
            entryIds = List.copyOf(entryIds);
            policyIds = List.copyOf(policyIds);
        }
    }

    /** Copies the lists. */
    public ScanOutcome {
        hazards = List.copyOf(hazards);
        dlpFindings = List.copyOf(dlpFindings);
    }

    /** Returns what Guardrails did: {@code BLOCK} if a category blocked, else {@code FLAG} if one flagged. */
    public Optional<ScanAction> guardrailsAction() {
        return strictest(hazards.stream().map(Hazard::action).toList());
    }

    /** Returns what DLP did (the log's {@code dlp_action} and the header's {@code action}). */
    public Optional<ScanAction> dlpAction() {
        return strictest(dlpFindings.stream().map(DlpFinding::action).toList());
    }

    /** Tells whether nothing was found. */
    public boolean isEmpty() {
        return hazards.isEmpty() && dlpFindings.isEmpty();
    }

    /** Returns this outcome followed by another's findings (a request's then its response's). */
    public ScanOutcome plus(ScanOutcome later) {
        List<Hazard> h = new ArrayList<>(hazards);
        h.addAll(later.hazards);
        List<DlpFinding> d = new ArrayList<>(dlpFindings);
        d.addAll(later.dlpFindings);
        return new ScanOutcome(h, d);
    }

    private static Optional<ScanAction> strictest(List<ScanAction> actions) {
        if (actions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(actions.contains(ScanAction.BLOCK) ? ScanAction.BLOCK : ScanAction.FLAG);
    }
}
