package dev.aigw.emulator;

import java.util.List;
import java.util.Objects;

/**
 * What a client asks for when it creates an {@link Evaluation} (management-api-2.md 5.3, E2).
 *
 * <pre>{@code
 * emulator.evaluations().create("my-gateway", new NewEvaluation("nightly", List.of(dataset.id()),
 *         List.of(EvaluationType.COST, EvaluationType.SPEED, EvaluationType.HUMAN_FEEDBACK)));
 * }</pre>
 *
 * @param name the name, 1 to 255 characters
 * @param datasetIds the ids of 1 to 5 datasets of the gateway; the logs any of them selects are evaluated
 * @param evaluationTypeIds the evaluation types, at least one, each once (see {@link EvaluationType})
 */
public record NewEvaluation(String name, List<String> datasetIds, List<String> evaluationTypeIds) {

    /** Checks the members and copies the lists. */
    public NewEvaluation {
        Objects.requireNonNull(name, "name");
        datasetIds = List.copyOf(datasetIds);
        evaluationTypeIds = List.copyOf(evaluationTypeIds);
    }
}
