package dev.aigw.emulator.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.ScanAction;
import dev.aigw.emulator.ScanTarget;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A gateway's {@code dlp} setting (management-api.md 3.2) as the policies that apply: the policies form's enabled
 * policies, or the legacy form's one policy, which has no id and checks both the request and the response.
 * Empty when DLP is off ({@code enabled: false}) or unset.
 *
 * @param policies the enabled policies, in the order the setting lists them
 */
public record DlpSettings(List<Policy> policies) {

    /**
     * One enabled DLP policy.
     *
     * @param id the policy's id, or {@code null} for the legacy form's policy
     * @param action what it does when one of its profiles matches
     * @param checks what it scans
     * @param profiles the profile ids it checks
     */
    public record Policy(String id, ScanAction action, Set<ScanTarget> checks, List<String> profiles) {

        /** Copies the collections. */
        public Policy {
            checks = checks.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(checks));
            profiles = List.copyOf(profiles);
        }
    }

    /** Copies the list. */
    public DlpSettings {
        policies = List.copyOf(policies);
    }

    /** Binds the stored setting, validated by {@link GatewayFields}; empty when unset, {@code null} or disabled. */
    static Optional<DlpSettings> bind(JsonNode value) {
        if (value == null || value.isNull() || !value.path("enabled").booleanValue()) {
            return Optional.empty();
        }
        List<Policy> policies = new ArrayList<>();
        if (value.has("policies")) {
            for (JsonNode p : value.get("policies")) {
                if (p.get("enabled").booleanValue()) {
                    Set<ScanTarget> checks = EnumSet.noneOf(ScanTarget.class);
                    p.get("check").forEach(c -> checks.add(c.textValue().equals("REQUEST")
                            ? ScanTarget.PROMPT : ScanTarget.RESPONSE));
                    policies.add(new Policy(p.get("id").textValue(), ScanAction.valueOf(p.get("action").textValue()),
                            checks, texts(p.get("profiles"))));
                }
            }
        } else {
            policies.add(new Policy(null, ScanAction.valueOf(value.get("action").textValue()),
                    EnumSet.allOf(ScanTarget.class), texts(value.get("profiles"))));
        }
        return policies.isEmpty() ? Optional.empty() : Optional.of(new DlpSettings(policies));
    }

    /** Tells whether a policy checking this target blocks. */
    public boolean blocks(ScanTarget target) {
        return policies.stream().anyMatch(p -> p.checks().contains(target) && p.action() == ScanAction.BLOCK);
    }

    /** Tells whether any policy checks this target. */
    public boolean checks(ScanTarget target) {
        return policies.stream().anyMatch(p -> p.checks().contains(target));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.textValue()));
        return texts;
    }
}
