package dev.aigw.emulator.internal.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The dataset, evaluation-type and evaluation operations of one account (management-api-2.md 5), in the JSON of
 * the management API, for the Java API: served in process or over HTTP. A refusal is an
 * {@link dev.aigw.emulator.internal.api.ApiException} with the API's status and errors.
 */
public interface EvaluationCalls {

    /** Returns the datasets: D1, D3, D2 and D5. */
    GatewayResource datasets();

    /** Replaces a dataset with a D4 body. */
    JsonNode updateDataset(String gatewayId, String id, ObjectNode body);

    /** Returns the evaluations: E1, E3, E2 and E4. */
    GatewayResource evaluations();

    /** Returns the catalogue of evaluation types in its default order (ET1). */
    List<JsonNode> evaluationTypes();

    /** Tells whether datasets and evaluations are available (the setting {@code evaluations.available}). */
    boolean available();

    /** Turns datasets and evaluations on or off. */
    void available(boolean on);
}
