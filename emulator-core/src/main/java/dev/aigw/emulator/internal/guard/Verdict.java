package dev.aigw.emulator.internal.guard;

import dev.aigw.emulator.ScanOutcome;
import dev.aigw.emulator.internal.api.ApiException;
import java.util.Optional;

/**
 * What the content checks decided for a prompt or a response.
 *
 * @param outcome what they found that the gateway's settings act on
 * @param block the error that ends the request instead, or {@code null} when it goes on
 * @param reason why it was blocked, for the timeline, or {@code null}
 */
public record Verdict(ScanOutcome outcome, ApiException block, String reason) {

    /** Returns the error that ends the request, if the checks blocked it. */
    public Optional<ApiException> blocked() {
        return Optional.ofNullable(block);
    }
}
