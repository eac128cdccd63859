package dev.aigw.emulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What one evaluation type computed in an {@link Evaluation} (management-api-2.md 5.3).
 *
 * @param id the result's id
 * @param evaluationId the evaluation it belongs to
 * @param evaluationTypeId the evaluation type, e.g. {@link EvaluationType#SPEED}
 * @param result the value as text: mean cost in USD ({@code "0.000123"}), mean duration in ms ({@code "842.50"}) or
 *     the percentage of thumbs up ({@code "66.67"}); empty for an error
 * @param status completed, or error when no evaluated log had what the type reads
 * @param totalLogs how many logs the type used
 * @param createdAt when it was computed
 * @param modifiedAt when it last changed (never after it was computed)
 */
public record EvaluationResult(String id, String evaluationId, String evaluationTypeId, String result, Status status,
                               int totalLogs, Instant createdAt, Instant modifiedAt) {

    /** Checks the members. */
    public EvaluationResult {
        Objects.requireNonNull(evaluationTypeId, "evaluationTypeId");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(status, "status");
    }

    /** The states of a result with their numbers in the management API. */
    public enum Status {
        IN_PROGRESS(1, "in progress"), COMPLETED(2, "completed"), ERROR(3, "error");

        private final int code;
        private final String description;

        Status(int code, String description) {
            this.code = code;
            this.description = description;
        }

        /** Returns the {@code status} number of the API. */
        public int code() {
            return code;
        }

        /** Returns the {@code status_description} of the API. */
        public String description() {
            return description;
        }

        /** Finds a status by its number in the API. */
        public static Status of(int code) {
            return Arrays.stream(values()).filter(s -> s.code == code).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no evaluation result status " + code));
        }
    }
}
