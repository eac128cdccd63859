package dev.aigw.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * An entry of the fixed catalogue of evaluation types (management-api-2.md 5.2): cost, speed and human feedback,
 * each computed from the gateway's logs.
 *
 * @param id the id an {@link NewEvaluation} names, one of {@link #COST}, {@link #SPEED}, {@link #HUMAN_FEEDBACK}
 * @param name the display name, e.g. {@code Human Feedback}
 * @param description what it computes
 * @param type {@code cost}, {@code speed} or {@code feedback}
 * @param enabled the {@code enable} flag (always true)
 * @param mandatory whether the type is mandatory
 * @param createdAt when the catalogue entry was created
 * @param modifiedAt when it was last changed
 */
public record EvaluationType(String id, String name, String description, String type, boolean enabled,
                             boolean mandatory, Instant createdAt, Instant modifiedAt) {

    /** The id of the evaluator of mean cost, in USD. */
    public static final String COST = "aig-eval-cost";
    /** The id of the evaluator of mean duration, in milliseconds. */
    public static final String SPEED = "aig-eval-speed";
    /** The id of the evaluator of the share of thumbs up among the logs rated 1 or -1, in percent. */
    public static final String HUMAN_FEEDBACK = "aig-eval-human-feedback";

    /** Checks the id. */
    public EvaluationType {
        Objects.requireNonNull(id, "id");
    }
}
