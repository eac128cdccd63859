package dev.aigw.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An evaluation of a gateway's logs as the management API answers it (management-api-2.md 5.3): computed once,
 * when it was created, from the logs its datasets selected at that instant of the emulator's clock.
 *
 * @param id the evaluation's id (a UUID)
 * @param gatewayId the gateway it belongs to
 * @param name the name
 * @param createdAt when it was created and computed
 * @param modifiedAt when it last changed (never after it was computed)
 * @param processed whether it was computed (always, in the emulator)
 * @param totalLogs how many logs the datasets selected together
 * @param datasets the datasets as they were then
 * @param results one result per evaluation type asked for, in the order asked
 */
public record Evaluation(String id, String gatewayId, String name, Instant createdAt, Instant modifiedAt,
                         boolean processed, int totalLogs, List<Dataset> datasets, List<EvaluationResult> results) {

    /** Checks the id and copies the lists. */
    public Evaluation {
        Objects.requireNonNull(id, "id");
        datasets = List.copyOf(datasets);
        results = List.copyOf(results);
    }

    /** Returns the result of an evaluation type, e.g. {@link EvaluationType#COST}, if it was asked for. */
    public Optional<EvaluationResult> result(String evaluationTypeId) {
        return results.stream().filter(r -> r.evaluationTypeId().equals(evaluationTypeId)).findFirst();
    }
}
