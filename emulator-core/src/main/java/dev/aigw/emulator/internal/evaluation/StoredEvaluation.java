package dev.aigw.emulator.internal.evaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.EvaluationResult;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Instant;
import java.util.List;

/**
 * An evaluation (management-api-2.md 5.3): a snapshot computed once, when it was created, that never runs again.
 *
 * @param id the server-chosen UUID
 * @param gatewayId the gateway's id
 * @param name the name
 * @param createdAt when it was created and computed
 * @param totalLogs how many logs the listed datasets selected together at that instant
 * @param datasets copies of the datasets as they were, each with the account's {@code account_id} and tag
 * @param results one result per evaluation type asked for, in the order asked
 */
public record StoredEvaluation(String id, String gatewayId, String name, Instant createdAt, int totalLogs,
                               List<ObjectNode> datasets, List<Result> results) {

    /** Copies the lists. */
    public StoredEvaluation {
        datasets = datasets.stream().map(ObjectNode::deepCopy).toList();
        results = List.copyOf(results);
    }

    /**
     * What one evaluator computed.
     *
     * @param id the server-chosen UUID
     * @param evaluator the evaluator
     * @param result the result text, empty for an error
     * @param status completed, or error when no log had what the evaluator reads (the emulator computes at once,
     *     so never in progress)
     * @param totalLogs how many logs the evaluator used
     */
    public record Result(String id, Evaluator evaluator, String result, EvaluationResult.Status status,
                         int totalLogs) {
    }

    /** Tells whether the evaluation was computed; the emulator computes when it creates, so always. */
    public boolean processed() {
        return true;
    }

    /** Renders the evaluation as the API writes it. */
    public ObjectNode toJson() {
        String at = Timestamps.format(createdAt);
        ObjectNode json = Json.object().put("id", id).put("gateway_id", gatewayId).put("name", name)
                .put("created_at", at).put("modified_at", at).put("processed", processed())
                .put("total_logs", totalLogs);
        ArrayNode copies = json.putArray("datasets");
        datasets.forEach(d -> copies.add(d.deepCopy()));
        ArrayNode rendered = json.putArray("results");
        for (Result r : results) {
            rendered.addObject().put("id", r.id()).put("evaluation_id", id)
                    .put("evaluation_type_id", r.evaluator().id()).put("result", r.result())
                    .put("status", r.status().code()).put("status_description", r.status().description())
                    .put("total_logs", r.totalLogs()).put("created_at", at).put("modified_at", at);
        }
        return json;
    }
}
