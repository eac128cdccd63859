package dev.aigw.emulator.internal.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.Dataset;
import dev.aigw.emulator.DatasetFilter;
import dev.aigw.emulator.DatasetSettings;
import dev.aigw.emulator.Evaluation;
import dev.aigw.emulator.EvaluationResult;
import dev.aigw.emulator.EvaluationType;
import dev.aigw.emulator.NewEvaluation;
import dev.aigw.emulator.internal.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Datasets, evaluation types and evaluations as the management API writes them (read by both emulators), and the
 * create and update bodies the Java API sends.
 */
public final class EvaluationJson {

    private EvaluationJson() {
    }

    /** Writes a D2 or D4 body. */
    public static ObjectNode datasetBody(DatasetSettings settings) {
        ObjectNode body = Json.object().put("name", settings.name()).put("enable", settings.enabled());
        ArrayNode filters = body.putArray("filters");
        for (DatasetFilter f : settings.filters()) {
            ObjectNode filter = filters.addObject().put("key", f.key().apiName()).put("operator", f.operator().apiName());
            ArrayNode values = filter.putArray("value");
            for (Object v : f.values()) {
                if (v instanceof BigDecimal n) {
                    values.add(new BigDecimal(n.toPlainString()));
                } else if (v instanceof Boolean b) {
                    values.add(b);
                } else {
                    values.add((String) v);
                }
            }
        }
        return body;
    }

    /** Writes an E2 body. */
    public static ObjectNode evaluationBody(NewEvaluation evaluation) {
        ObjectNode body = Json.object().put("name", evaluation.name());
        evaluation.datasetIds().forEach(body.putArray("dataset_ids")::add);
        evaluation.evaluationTypeIds().forEach(body.putArray("evaluation_type_ids")::add);
        return body;
    }

    /** Reads a dataset object. */
    public static Dataset dataset(JsonNode json) {
        List<DatasetFilter> filters = new ArrayList<>();
        for (JsonNode f : json.get("filters")) {
            List<Object> values = new ArrayList<>();
            for (JsonNode v : f.get("value")) {
                values.add(v.isNumber() ? v.decimalValue() : v.isBoolean() ? (Object) v.booleanValue() : v.asText());
            }
            filters.add(new DatasetFilter(DatasetFilter.Key.of(f.get("key").textValue()),
                    DatasetFilter.Operator.of(f.get("operator").textValue()), values));
        }
        return new Dataset(json.get("id").textValue(), json.get("gateway_id").textValue(),
                json.get("name").textValue(), json.get("enable").booleanValue(), filters, instant(json, "created_at"),
                instant(json, "modified_at"));
    }

    /** Reads an evaluation type object. */
    public static EvaluationType evaluationType(JsonNode json) {
        return new EvaluationType(json.get("id").textValue(), json.get("name").textValue(),
                json.get("description").textValue(), json.get("type").textValue(), json.get("enable").booleanValue(),
                json.get("mandatory").booleanValue(), instant(json, "created_at"), instant(json, "modified_at"));
    }

    /** Reads an evaluation object. */
    public static Evaluation evaluation(JsonNode json) {
        List<Dataset> datasets = new ArrayList<>();
        json.get("datasets").forEach(d -> datasets.add(dataset(d)));
        List<EvaluationResult> results = new ArrayList<>();
        for (JsonNode r : json.get("results")) {
            results.add(new EvaluationResult(r.get("id").textValue(), r.get("evaluation_id").textValue(),
                    r.get("evaluation_type_id").textValue(), r.get("result").textValue(),
                    EvaluationResult.Status.of(r.get("status").intValue()), r.get("total_logs").intValue(),
                    instant(r, "created_at"), instant(r, "modified_at")));
        }
        return new Evaluation(json.get("id").textValue(), json.get("gateway_id").textValue(),
                json.get("name").textValue(), instant(json, "created_at"), instant(json, "modified_at"),
                json.get("processed").booleanValue(), json.get("total_logs").intValue(), datasets, results);
    }

    private static Instant instant(JsonNode json, String member) {
        return Instant.parse(json.get(member).textValue());
    }
}
