package dev.aigw.emulator;

import java.util.Objects;

/**
 * A script step still queued: what {@link AiGatewayEmulator#pendingScripts()} and
 * {@code GET /__emulator/scripts} list.
 *
 * @param provider the provider slug, e.g. {@code openai}
 * @param gatewayId the gateway the step is narrowed to, or {@code null} for any
 * @param testId the test id the step is narrowed to, or {@code null} for any
 * @param behavior what the step does
 * @param remaining how many responses the step still gives: what is left of its count, or 0 for a step that repeats
 * @param repeats whether the step stays until cleared ({@code always}, every nth, with a probability), so that it is
 *     never a leftover
 * @param step the step in the control API's JSON, {@code times} being what is left of its count, e.g.
 *     {@code {"status":503,"times":2}}
 */
public record PendingScript(String provider, String gatewayId, String testId, UpstreamBehavior behavior,
                            int remaining, boolean repeats, String step) {

    /** Checks the components. */
    public PendingScript {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(behavior, "behavior");
        Objects.requireNonNull(step, "step");
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining must be >= 0, got " + remaining);
        }
    }

    /** Returns the step with its scope, e.g. {@code openai (gateway "prod", test "t1"): {"status":503,"times":2}}. */
    @Override
    public String toString() {
        String scope = (gatewayId == null ? "" : "gateway \"" + gatewayId + "\"")
                + (gatewayId != null && testId != null ? ", " : "")
                + (testId == null ? "" : "test \"" + testId + "\"");
        return provider + (scope.isEmpty() ? "" : " (" + scope + ")") + ": " + step;
    }
}
