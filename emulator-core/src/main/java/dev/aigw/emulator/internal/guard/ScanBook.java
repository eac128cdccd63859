package dev.aigw.emulator.internal.guard;

import dev.aigw.emulator.HazardCategory;
import dev.aigw.emulator.ScanRule;
import dev.aigw.emulator.ScanTarget;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fake content scanner of one emulator: the scan rules a test added and whether the Guardrails scanner is
 * available. It finds what the rules say and nothing else, so a test knows exactly what each request hits.
 * Thread-safe.
 */
public final class ScanBook implements ScannerSink {

    private final List<ScanRule> rules = new CopyOnWriteArrayList<>();
    private volatile boolean guardrailsAvailable = true;

    /**
     * What the rules found in one text.
     *
     * @param hazards the categories hit, in category order
     * @param profiles the DLP profiles matched, by id in the order first matched, with their entries (each once)
     */
    public record Found(Set<HazardCategory> hazards, Map<String, Set<String>> profiles) {
    }

    @Override
    public void add(ScanRule rule) {
        rules.add(rule);
    }

    @Override
    public List<ScanRule> list() {
        return List.copyOf(rules);
    }

    @Override
    public void clear(String testId) {
        rules.removeIf(rule -> testId == null || testId.equals(rule.testId()));
    }

    /** Removes every rule and makes the Guardrails scanner available again. */
    public void reset() {
        rules.clear();
        guardrailsAvailable = true;
    }

    @Override
    public void guardrailsAvailable(boolean available) {
        guardrailsAvailable = available;
    }

    @Override
    public boolean guardrailsAvailable() {
        return guardrailsAvailable;
    }

    /** Returns what the rules for this target find in the text of a request with this test id (or {@code null}). */
    public Found find(ScanTarget target, String testId, String text) {
        Set<HazardCategory> hazards = EnumSet.noneOf(HazardCategory.class);
        Map<String, Set<String>> profiles = new LinkedHashMap<>();
        for (ScanRule rule : rules) {
            if (rule.target() == target && rule.matches(testId, text)) {
                hazards.addAll(rule.hazards());
                rule.dlpProfiles().forEach(p -> profiles.computeIfAbsent(p.profileId(), id -> new LinkedHashSet<>())
                        .addAll(p.entryIds()));
            }
        }
        return new Found(hazards, profiles);
    }
}
