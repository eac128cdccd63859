package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.evaluation.DatasetFilter;
import dev.aigw.emulator.internal.evaluation.EvaluationStore;
import dev.aigw.emulator.internal.evaluation.StoredDataset;
import dev.aigw.emulator.internal.gateway.Gateway;
import dev.aigw.emulator.internal.gateway.GatewayFields;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dataset operations D1-D5 of management-api-2.md 5.1, as endpoints and as calls for the Java API. Checks run
 * in one order: the gateway exists (404/7002), datasets are available (a write answers 403/10000, a list is
 * empty, a dataset is not found), the dataset exists (404/7002), then the body (400/7001 naming every bad member).
 */
public final class DatasetEndpoints implements GatewayObjects<StoredDataset> {

    private static final int MAX_PER_PAGE = 100;
    private static final List<String> BODY = List.of("body");
    private static final JsonShape.Member NAME = JsonShape.required("name", JsonShape.text(1, 255));
    private static final JsonShape.Member ENABLE = JsonShape.required("enable", JsonShape.bool());

    private final ManagementContext context;
    private final EvaluationStore store;

    /** Creates the operations on the datasets of a management context. */
    public DatasetEndpoints(ManagementContext context) {
        this.context = context;
        this.store = context.evaluations();
    }

    /** D1: filtered by {@code enable}, {@code name} (exact) and {@code search}, newest first, one page. */
    ApiResponse list(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        Pagination pagination = Pagination.of(request, MAX_PER_PAGE);
        Boolean enable = request.query("enable").isPresent() ? Pagination.booleanQuery(request, "enable", false)
                : null;
        String name = request.query("name").orElse(null);
        String search = request.query("search").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        List<StoredDataset> matching = list(gateway).stream()
                .filter(d -> enable == null || d.enable() == enable)
                .filter(d -> name == null || d.name().equals(name))
                .filter(d -> search.isEmpty() || searchable(d).contains(search))
                .toList();
        return pagination.respond(matching, StoredDataset::toJson);
    }

    /** Returns a gateway's datasets, newest first; none while unavailable; 404/7002 for an unknown gateway. */
    @Override
    public List<StoredDataset> list(String accountId, String gatewayId) {
        return list(gateway(context, accountId, gatewayId));
    }

    /** D2. */
    ApiResponse create(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        store.requireAvailable();
        return ApiResponse.single(create(gateway, request.jsonObjectBody()).toJson());
    }

    /** Creates a dataset from a D2 body, validated as the API validates it. */
    @Override
    public StoredDataset create(String accountId, String gatewayId, ObjectNode body) {
        Gateway gateway = gateway(context, accountId, gatewayId);
        store.requireAvailable();
        return create(gateway, body);
    }

    /** D3. */
    ApiResponse get(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        return ApiResponse.single(existing(gateway, request.param("id")).toJson());
    }

    /** Returns a dataset; 404/7002 when the gateway or the dataset does not exist, or while unavailable. */
    @Override
    public StoredDataset get(String accountId, String gatewayId, String id) {
        return existing(gateway(context, accountId, gatewayId), id);
    }

    /** D4. */
    ApiResponse update(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        store.requireAvailable();
        existing(gateway, request.param("id"));
        return ApiResponse.single(update(gateway, request.param("id"), request.jsonObjectBody()).toJson());
    }

    /** Replaces a dataset's name, filters and {@code enable} with those of a D4 body (all required). */
    public StoredDataset update(String accountId, String gatewayId, String id, ObjectNode body) {
        Gateway gateway = gateway(context, accountId, gatewayId);
        store.requireAvailable();
        existing(gateway, id);
        return update(gateway, id, body);
    }

    /** D5: answers the deleted dataset. */
    ApiResponse delete(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        store.requireAvailable();
        return ApiResponse.single(delete(gateway, request.param("id")).toJson());
    }

    /** Deletes a dataset and returns it as it was; evaluations keep their copies of it. */
    @Override
    public StoredDataset delete(String accountId, String gatewayId, String id) {
        Gateway gateway = gateway(context, accountId, gatewayId);
        store.requireAvailable();
        return delete(gateway, id);
    }

    private List<StoredDataset> list(Gateway gateway) {
        return store.available() ? store.datasets(GatewayRef.of(gateway)) : List.of();
    }

    private StoredDataset create(Gateway gateway, ObjectNode body) {
        Valid valid = validate(body);
        Instant now = context.clock().now();
        StoredDataset dataset = new StoredDataset(context.newInternalId().get(), gateway.id(), valid.name,
                valid.enable, valid.filters, now, now);
        if (!store.addDataset(GatewayRef.of(gateway), dataset)) {
            throw duplicateName();
        }
        return dataset;
    }

    private StoredDataset update(Gateway gateway, String id, ObjectNode body) {
        Valid valid = validate(body);
        Instant now = context.clock().now();
        return store.replaceDataset(GatewayRef.of(gateway), id, before -> new StoredDataset(before.id(),
                        before.gatewayId(), valid.name, valid.enable, valid.filters, before.createdAt(), now))
                .orElseThrow(DatasetEndpoints::duplicateName);
    }

    private StoredDataset delete(Gateway gateway, String id) {
        return store.deleteDataset(GatewayRef.of(gateway), id).orElseThrow(ApiException::notFound);
    }

    private StoredDataset existing(Gateway gateway, String id) {
        Optional<StoredDataset> found = store.available() ? store.dataset(GatewayRef.of(gateway), id)
                : Optional.empty();
        return found.orElseThrow(ApiException::notFound);
    }

    /** Returns a gateway of an account; 404/7002 when it does not exist (or its id cannot exist). */
    static Gateway gateway(ManagementContext context, String accountId, String gatewayId) {
        if (!GatewayFields.isValidId(gatewayId)) {
            throw ApiException.notFound();
        }
        return context.gateways().find(accountId, gatewayId).orElseThrow(ApiException::notFound);
    }

    private static String searchable(StoredDataset d) {
        StringBuilder text = new StringBuilder(d.id()).append('\n').append(d.name()).append('\n');
        d.filters().forEach(f -> text.append(Json.text(f.toJson())));
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static Valid validate(ObjectNode body) {
        List<ApiException> failures = new ArrayList<>();
        for (JsonShape.Member member : List.of(NAME, ENABLE)) {
            try {
                member.check(body, BODY);
            } catch (ApiException e) {
                failures.add(e);
            }
        }
        List<DatasetFilter> filters = DatasetFilter.parseAll(body.get("filters"), List.of("body", "filters"),
                failures);
        if (!failures.isEmpty()) {
            throw ApiException.allOf(failures);
        }
        return new Valid(body.get("name").textValue(), body.get("enable").booleanValue(), filters);
    }

    /** The duplicate-name refusal of management-api.md 4.3, in its inferred wording. */
    private static ApiException duplicateName() {
        return ApiException.service(400, new ApiError(7001, "A dataset with this id already exists",
                List.of("body", "name"), List.of()));
    }

    private record Valid(String name, boolean enable, List<DatasetFilter> filters) {
    }
}
