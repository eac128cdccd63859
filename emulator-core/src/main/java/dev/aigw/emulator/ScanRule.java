package dev.aigw.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the emulator's fake content scanner finds: prompts (or responses) in which {@code pattern} is found hit
 * these hazard categories and match these DLP profiles. Whether a finding flags or blocks is the gateway's
 * {@code guardrails} and {@code dlp} settings' business, not the rule's.
 *
 * <pre>{@code
 * emulator.scanner().add(ScanRule.prompts("(?i)steal a car").hazards(HazardCategory.S2));
 * emulator.scanner().add(ScanRule.responses("4111 1111 1111 1111").dlpProfile("financial-information"));
 * }</pre>
 *
 * @param target what the rule reads: prompts (the request body sent upstream) or responses (a 2xx body, a
 *     stream's events as one text)
 * @param pattern a regular expression searched for anywhere in that text, as UTF-8
 * @param hazards the Guardrails categories a match hits
 * @param dlpProfiles the DLP profiles a match matches
 * @param testId the test id a request must carry for the rule to read it, or {@code null} for every request
 */
public record ScanRule(ScanTarget target, String pattern, List<HazardCategory> hazards,
                       List<DlpProfileMatch> dlpProfiles, String testId) {

    /**
     * One DLP profile a rule matches, with the ids of its entries that matched (the {@code entry_ids} of
     * {@code cf-aig-dlp}).
     *
     * @param profileId the profile's id, as the gateway's {@code dlp} setting lists it
     * @param entryIds the matched entries' ids, possibly none
     */
    public record DlpProfileMatch(String profileId, List<String> entryIds) {

        /** Checks the profile id and copies the entry ids. */
        public DlpProfileMatch {
            Objects.requireNonNull(profileId, "profileId");
            if (profileId.isEmpty()) {
                throw new IllegalArgumentException("a DLP profile id cannot be empty");
            }
            entryIds = List.copyOf(entryIds);
        }
    }

    /** Checks the pattern compiles and copies the lists. */
    public ScanRule {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(pattern, "pattern");
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("the scan rule's pattern is not a regular expression: "
                    + e.getDescription() + " near index " + e.getIndex() + " of " + pattern, e);
        }
        hazards = List.copyOf(hazards);
        dlpProfiles = List.copyOf(dlpProfiles);
        if (testId != null && (testId.isEmpty() || testId.length() > 256)) {
            throw new IllegalArgumentException("a test id has 1 to 256 characters, got " + testId.length());
        }
    }

    /** Starts a rule that reads prompts in which {@code regex} is found; it finds nothing until given findings. */
    public static ScanRule prompts(String regex) {
        return new ScanRule(ScanTarget.PROMPT, regex, List.of(), List.of(), null);
    }

    /** Starts a rule that reads responses in which {@code regex} is found; it finds nothing until given findings. */
    public static ScanRule responses(String regex) {
        return new ScanRule(ScanTarget.RESPONSE, regex, List.of(), List.of(), null);
    }

    /** Returns a copy whose matches also hit these hazard categories. */
    public ScanRule hazards(HazardCategory... categories) {
        List<HazardCategory> all = new ArrayList<>(hazards);
        all.addAll(List.of(categories));
        return new ScanRule(target, pattern, all, dlpProfiles, testId);
    }

    /** Returns a copy whose matches also match this DLP profile, with these of its entries. */
    public ScanRule dlpProfile(String profileId, String... entryIds) {
        List<DlpProfileMatch> all = new ArrayList<>(dlpProfiles);
        all.add(new DlpProfileMatch(profileId, List.of(entryIds)));
        return new ScanRule(target, pattern, hazards, all, testId);
    }

    /** Returns a copy that reads only requests carrying this test id (header {@code x-aigw-test-id}). */
    public ScanRule forTest(String id) {
        return new ScanRule(target, pattern, hazards, dlpProfiles, Objects.requireNonNull(id, "id"));
    }

    /** Tells whether the rule reads a request with this test id ({@code null}: none) and finds its pattern in the text. */
    public boolean matches(String requestTestId, CharSequence text) {
        return (testId == null || testId.equals(requestTestId)) && Pattern.compile(pattern).matcher(text).find();
    }
}
