package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.EvaluationResult;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.evaluation.EvaluationStore;
import dev.aigw.emulator.internal.evaluation.Evaluator;
import dev.aigw.emulator.internal.evaluation.StoredDataset;
import dev.aigw.emulator.internal.evaluation.StoredEvaluation;
import dev.aigw.emulator.internal.gateway.Gateway;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;
import dev.aigw.emulator.internal.util.Suggestions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The evaluation types ET1 (5.2) and the evaluation operations E1-E4 of management-api-2.md 5.3, as endpoints and
 * as calls for the Java API. An evaluation is computed when it is created, from the logs its datasets select at
 * that instant of the emulator's clock; checks run in the order of {@link DatasetEndpoints}.
 */
public final class EvaluationEndpoints implements GatewayObjects<StoredEvaluation> {

    private static final int MAX_PER_PAGE = 100;
    private static final int MIN_TYPES_PER_PAGE = 5;
    private static final int MAX_TYPES_PER_PAGE = 50;
    private static final int MAX_DATASETS = 5;
    private static final List<String> TYPE_ORDERS = List.of("mandatory", "name", "created_at");
    private static final List<String> BODY = List.of("body");
    private static final JsonShape.Member NAME = JsonShape.required("name", JsonShape.text(1, 255));

    private final ManagementContext context;
    private final EvaluationStore store;

    /** Creates the operations on the evaluations of a management context. */
    public EvaluationEndpoints(ManagementContext context) {
        this.context = context;
        this.store = context.evaluations();
    }

    /** ET1: the catalogue, ordered by {@code order_by} and {@code order_by_direction}, ties by id; empty while unavailable. */
    ApiResponse listTypes(ApiRequest request) {
        int page = Pagination.intQuery(request, "page", 1, 1, Integer.MAX_VALUE);
        int perPage = Pagination.intQuery(request, "per_page", 20, MIN_TYPES_PER_PAGE, MAX_TYPES_PER_PAGE);
        String orderBy = request.query("order_by").orElse("mandatory");
        if (!TYPE_ORDERS.contains(orderBy)) {
            throw ApiException.validation("order_by: expected one of " + String.join(", ", TYPE_ORDERS) + ", got \""
                    + orderBy + "\"" + Suggestions.didYouMean(orderBy, TYPE_ORDERS), List.of("query", "order_by"));
        }
        String direction = request.query("order_by_direction").orElse("desc");
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ApiException.validation("order_by_direction: expected asc or desc, got \"" + direction + "\"",
                    List.of("query", "order_by_direction"));
        }
        Comparator<Evaluator> order = switch (orderBy) {
            case "mandatory" -> Comparator.comparing(Evaluator::mandatory);
            case "name" -> Comparator.comparing(Evaluator::displayName);
            default -> Comparator.comparing(e -> Evaluator.CATALOGUED_AT);
        };
        List<Evaluator> sorted = store.available() ? Arrays.stream(Evaluator.values())
                .sorted((direction.equals("desc") ? order.reversed() : order).thenComparing(Evaluator::id))
                .toList() : List.of();
        return new Pagination(page, perPage).respond(sorted, EvaluationEndpoints::typeJson);
    }

    /** Returns the catalogue of evaluation types in its default order; empty while unavailable. */
    public List<ObjectNode> types() {
        return store.available() ? Arrays.stream(Evaluator.values())
                .sorted(Comparator.comparing(Evaluator::mandatory).reversed().thenComparing(Evaluator::id))
                .map(EvaluationEndpoints::typeJson).toList() : List.of();
    }

    /** E1: filtered by {@code name} (exact), {@code processed} and {@code search} (id, name), newest first. */
    ApiResponse list(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        Pagination pagination = Pagination.of(request, MAX_PER_PAGE);
        String name = request.query("name").orElse(null);
        Boolean processed = request.query("processed").isPresent()
                ? Pagination.booleanQuery(request, "processed", false) : null;
        String search = request.query("search").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        List<StoredEvaluation> matching = list(gateway).stream()
                .filter(e -> name == null || e.name().equals(name))
                .filter(e -> processed == null || e.processed() == processed)
                .filter(e -> search.isEmpty() || e.id().toLowerCase(Locale.ROOT).contains(search)
                        || e.name().toLowerCase(Locale.ROOT).contains(search))
                .toList();
        return pagination.respond(matching, StoredEvaluation::toJson);
    }

    /** Returns a gateway's evaluations, newest first; none while unavailable; 404/7002 for an unknown gateway. */
    @Override
    public List<StoredEvaluation> list(String accountId, String gatewayId) {
        return list(DatasetEndpoints.gateway(context, accountId, gatewayId));
    }

    /** E2. */
    ApiResponse create(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        store.requireAvailable();
        return ApiResponse.single(create(gateway, request.jsonObjectBody()).toJson());
    }

    /** Validates an E2 body, computes the evaluation from the gateway's logs now, stores it and returns it. */
    @Override
    public StoredEvaluation create(String accountId, String gatewayId, ObjectNode body) {
        Gateway gateway = DatasetEndpoints.gateway(context, accountId, gatewayId);
        store.requireAvailable();
        return create(gateway, body);
    }

    /** E3. */
    ApiResponse get(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        return ApiResponse.single(existing(gateway, request.param("id")).toJson());
    }

    /** Returns an evaluation; 404/7002 when the gateway or the evaluation does not exist, or while unavailable. */
    @Override
    public StoredEvaluation get(String accountId, String gatewayId, String id) {
        return existing(DatasetEndpoints.gateway(context, accountId, gatewayId), id);
    }

    /** E4: answers the deleted evaluation. */
    ApiResponse delete(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        store.requireAvailable();
        return ApiResponse.single(delete(gateway, request.param("id")).toJson());
    }

    /** Deletes an evaluation with its results and returns it as it was. */
    @Override
    public StoredEvaluation delete(String accountId, String gatewayId, String id) {
        Gateway gateway = DatasetEndpoints.gateway(context, accountId, gatewayId);
        store.requireAvailable();
        return delete(gateway, id);
    }

    private List<StoredEvaluation> list(Gateway gateway) {
        return store.available() ? store.evaluations(GatewayRef.of(gateway)) : List.of();
    }

    private StoredEvaluation existing(Gateway gateway, String id) {
        Optional<StoredEvaluation> found = store.available() ? store.evaluation(GatewayRef.of(gateway), id)
                : Optional.empty();
        return found.orElseThrow(ApiException::notFound);
    }

    private StoredEvaluation delete(Gateway gateway, String id) {
        return store.deleteEvaluation(GatewayRef.of(gateway), id).orElseThrow(ApiException::notFound);
    }

    private StoredEvaluation create(Gateway gateway, ObjectNode body) {
        GatewayRef ref = GatewayRef.of(gateway);
        List<ApiException> failures = new ArrayList<>();
        try {
            NAME.check(body, BODY);
        } catch (ApiException e) {
            failures.add(e);
        }
        List<StoredDataset> datasets = datasets(ref, gateway.id(), body.get("dataset_ids"), failures);
        List<Evaluator> evaluators = evaluators(body.get("evaluation_type_ids"), failures);
        if (!failures.isEmpty()) {
            throw ApiException.allOf(failures);
        }
        List<LogEntry> evaluated = context.logs().list(ref).stream()
                .filter(entry -> datasets.stream().anyMatch(d -> d.selects(entry)))
                .toList();
        Instant now = context.clock().now();
        List<StoredEvaluation.Result> results = new ArrayList<>();
        for (Evaluator evaluator : evaluators) {
            Evaluator.Outcome outcome = evaluator.evaluate(evaluated);
            results.add(new StoredEvaluation.Result(context.newInternalId().get(), evaluator, outcome.result(),
                    outcome.computed() ? EvaluationResult.Status.COMPLETED : EvaluationResult.Status.ERROR,
                    outcome.usableLogs()));
        }
        List<ObjectNode> copies = datasets.stream().map(d -> d.toJson().put("account_id", gateway.accountId())
                .put("account_tag", gateway.accountId())).toList();
        StoredEvaluation evaluation = new StoredEvaluation(context.newInternalId().get(), gateway.id(),
                body.get("name").textValue(), now, evaluated.size(), copies, results);
        store.addEvaluation(ref, evaluation);
        return evaluation;
    }

    private List<StoredDataset> datasets(GatewayRef ref, String gatewayId, JsonNode ids,
                                         List<ApiException> failures) {
        List<String> path = List.of("body", "dataset_ids");
        List<StoredDataset> found = new ArrayList<>();
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > MAX_DATASETS) {
            failures.add(ApiException.validation("dataset_ids: expected an array of 1 to " + MAX_DATASETS
                    + " dataset ids, got " + (ids == null ? "nothing" : Json.text(ids)), path));
            return found;
        }
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            List<String> at = List.of("body", "dataset_ids", String.valueOf(i));
            Optional<StoredDataset> dataset = id.isTextual() ? store.dataset(ref, id.textValue()) : Optional.empty();
            if (dataset.isEmpty()) {
                failures.add(ApiException.validation("dataset_ids." + i + ": no dataset " + Json.text(id)
                        + " exists on gateway " + gatewayId + "; GET .../datasets lists those that do", at));
            }
            dataset.filter(d -> !found.contains(d)).ifPresent(found::add);
        }
        return found;
    }

    private static List<Evaluator> evaluators(JsonNode ids, List<ApiException> failures) {
        List<String> path = List.of("body", "evaluation_type_ids");
        List<Evaluator> found = new ArrayList<>();
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            failures.add(ApiException.validation("evaluation_type_ids: expected a non-empty array of evaluation type"
                    + " ids (" + String.join(", ", Evaluator.ids()) + "), got " + (ids == null ? "nothing"
                    : Json.text(ids)), path));
            return found;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            JsonNode id = ids.get(i);
            List<String> at = List.of("body", "evaluation_type_ids", String.valueOf(i));
            String text = id.isTextual() ? id.textValue() : Json.text(id);
            Optional<Evaluator> evaluator = id.isTextual() ? Evaluator.byId(text) : Optional.empty();
            if (evaluator.isEmpty()) {
                failures.add(ApiException.validation("evaluation_type_ids." + i + ": the emulator computes only the"
                        + " evaluation types " + String.join(", ", Evaluator.ids()) + " (cost, speed and human"
                        + " feedback, from the gateway's logs); it has no LLM judge for content-quality evaluations,"
                        + " got " + Json.text(id) + Suggestions.didYouMean(text, Evaluator.ids()), at));
            } else if (!seen.add(text)) {
                failures.add(ApiException.validation("evaluation_type_ids." + i + ": " + text + " is listed twice",
                        at));
            } else {
                found.add(evaluator.get());
            }
        }
        return found;
    }

    /** Renders a catalogue entry as the API writes it. */
    static ObjectNode typeJson(Evaluator e) {
        String at = Timestamps.format(Evaluator.CATALOGUED_AT);
        return Json.object().put("id", e.id()).put("name", e.displayName()).put("description", e.description())
                .put("type", e.type()).put("enable", true).put("mandatory", e.mandatory())
                .put("created_at", at).put("modified_at", at);
    }
}
