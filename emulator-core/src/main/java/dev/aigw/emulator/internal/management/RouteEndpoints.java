package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.gateway.Gateway;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.routing.Route;
import dev.aigw.emulator.internal.routing.RouteDocument;
import dev.aigw.emulator.internal.routing.RouteStore;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Instant;
import java.util.List;

/**
 * R1-R10 of management-api-2.md 4.2, the dynamic routes of a gateway: one method per operation, each referenced
 * by one line of {@link ManagementRoutes}. R2, R4, R7 and R10 answer the SDK's own envelopes (management-api.md
 * 4.6), written raw.
 */
final class RouteEndpoints {

    private static final int MAX_NAME = 128;
    private static final int MAX_PER_PAGE = 100;

    private final ManagementContext context;
    private final RouteStore store;
    private final RouteDocument document;

    RouteEndpoints(ManagementContext context) {
        this.context = context;
        this.store = context.routes();
        this.document = new RouteDocument(slug -> context.providers().find(slug).isPresent());
    }

    /** R1: stores version 1 and deploys it; a graph error is refused, since a create deploys. */
    ApiResponse create(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        ObjectNode body = request.jsonObjectBody();
        String name = name(body.get("name"));
        JsonNode elements = body.get("elements");
        List<RouteDocument.GraphError> errors = document.check(elements);
        if (!errors.isEmpty()) {
            throw ApiException.allOf(errors.stream().map(RouteDocument.GraphError::toException).toList());
        }
        Instant now = context.clock().now();
        Route.Version version = new Route.Version(context.newInternalId().get(), elements.deepCopy(), now, true,
                null);
        Route.Deployment deployment = new Route.Deployment(context.newInternalId().get(), version.id(), now, null);
        Route route = new Route(context.newInternalId().get(), gateway.accountId(), gateway.id(), name, now, now, List.of(version),
                List.of(deployment));
        if (!store.addIfNameFree(GatewayRef.of(gateway), route)) {
            throw duplicateName(name);
        }
        return ApiResponse.single(routeJson(route, false));
    }

    /** R2: the routes of a gateway, oldest first, in the SDK's {@code data} envelope. */
    ApiResponse list(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        int page = positive(request, "page", 1, Integer.MAX_VALUE);
        int perPage = positive(request, "per_page", 20, MAX_PER_PAGE);
        List<Route> routes = store.list(GatewayRef.of(gateway));
        ArrayNode items = Json.array();
        routes.stream().skip((long) (page - 1) * perPage).limit(perPage)
                .forEach(route -> items.add(routeJson(route, true)));
        ObjectNode data = paging(page, perPage);
        data.set("routes", items);
        return bare(data);
    }

    /** R3: live elements, live version, newest deployment. */
    ApiResponse get(ApiRequest request) {
        return ApiResponse.single(routeJson(existing(request), false));
    }

    /** R4: renames; every other member is ignored. */
    ApiResponse update(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        GatewayRef ref = GatewayRef.of(gateway);
        String id = request.param("id");
        store.find(ref, id).orElseThrow(ApiException::notFound);
        String name = name(request.jsonObjectBody().get("name"));
        Route renamed = store.update(ref, id, route -> {
            if (store.nameTaken(ref, name, id)) {
                throw duplicateName(name);
            }
            return route.renamed(name, context.clock().now());
        }).orElseThrow(ApiException::notFound);
        ObjectNode answer = Json.object();
        answer.put("success", true);
        answer.set("route", routeJson(renamed, true));
        return new ApiResponse.Raw(200, "application/json", Json.bytes(answer));
    }

    /** R5: removes the route with its versions and deployments. */
    ApiResponse delete(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        Route removed = store.remove(GatewayRef.of(gateway), request.param("id")).orElseThrow(ApiException::notFound);
        return ApiResponse.single(plainJson(removed, removed.liveVersion().map(Route.Version::elements)
                .orElse(Json.array())));
    }

    /** R6: stores a version, valid or not, without deploying it; answers its elements and {@code version_id}. */
    ApiResponse createVersion(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        GatewayRef ref = GatewayRef.of(gateway);
        String id = request.param("id");
        store.find(ref, id).orElseThrow(ApiException::notFound);
        ObjectNode body = request.jsonObjectBody();
        JsonNode elements = body.get("elements");
        boolean valid = document.check(elements).isEmpty();
        Instant now = context.clock().now();
        Route.Version version = new Route.Version(context.newInternalId().get(), elements.deepCopy(), now, valid,
                comment(body));
        Route route = store.update(ref, id, r -> r.withVersion(version, now)).orElseThrow(ApiException::notFound);
        ObjectNode result = plainJson(route, version.elements());
        result.put("version_id", version.id());
        result.put("is_valid", valid);
        return ApiResponse.single(result);
    }

    /** R7: versions newest first; {@code active} is the string "true" only for the live one. */
    ApiResponse listVersions(ApiRequest request) {
        Route route = existing(request);
        String live = route.liveVersion().map(Route.Version::id).orElse(null);
        ArrayNode versions = Json.array();
        newestFirst(route.versions()).forEach(v -> versions.add(versionJson(v, live)));
        ObjectNode data = paging(1, MAX_PER_PAGE);
        data.set("versions", versions);
        return bare(data);
    }

    /** R8: one version with the route's members. */
    ApiResponse getVersion(ApiRequest request) {
        Route route = existing(request);
        Route.Version version = route.version(request.param("version_id")).orElseThrow(ApiException::notFound);
        ObjectNode result = plainJson(route, version.elements());
        result.setAll(versionJson(version, route.liveVersion().map(Route.Version::id).orElse(null)));
        return ApiResponse.single(result);
    }

    /** R9: deploys a valid version; redeploying the live one adds a history entry. */
    ApiResponse createDeployment(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        GatewayRef ref = GatewayRef.of(gateway);
        String id = request.param("id");
        store.find(ref, id).orElseThrow(ApiException::notFound);
        ObjectNode body = request.jsonObjectBody();
        JsonNode versionId = body.get("version_id");
        if (versionId == null || !versionId.isTextual()) {
            throw ApiException.validation("version_id is required and must be a string", List.of("body",
                    "version_id"));
        }
        Route route = store.update(ref, id, r -> {
            Route.Version version = r.version(versionId.asText()).orElseThrow(ApiException::notFound);
            if (!version.valid()) {
                throw ApiException.validation("Version is not valid (version_id " + version.id()
                        + " has graph errors)", List.of("body", "version_id"));
            }
            Instant now = context.clock().now();
            return r.withDeployment(new Route.Deployment(context.newInternalId().get(), version.id(), now,
                    comment(body)), now);
        }).orElseThrow(ApiException::notFound);
        return ApiResponse.single(plainJson(route, route.liveVersion().orElseThrow().elements()));
    }

    /** R10: deployments newest first. */
    ApiResponse listDeployments(ApiRequest request) {
        Route route = existing(request);
        ArrayNode deployments = Json.array();
        newestFirst(route.deployments()).forEach(d -> deployments.add(deploymentJson(d)));
        ObjectNode data = paging(1, MAX_PER_PAGE);
        data.set("deployments", deployments);
        return bare(data);
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> copy = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private Route existing(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        return store.find(GatewayRef.of(gateway), request.param("id")).orElseThrow(ApiException::notFound);
    }

    private static String name(JsonNode name) {
        if (name == null || name.isNull()) {
            throw ApiException.validation("name is required", List.of("body", "name"));
        }
        if (!name.isTextual() || name.asText().isEmpty() || name.asText().length() > MAX_NAME) {
            throw ApiException.validation("name must be a string of 1 to " + MAX_NAME + " characters",
                    List.of("body", "name"));
        }
        return name.asText();
    }

    private static ApiException duplicateName(String name) {
        return ApiException.validation("a route named '" + name + "' already exists in this gateway",
                List.of("body", "name"));
    }

    private static String comment(ObjectNode body) {
        JsonNode comment = body.get("comment");
        if (comment == null || comment.isNull()) {
            return null;
        }
        if (!comment.isTextual()) {
            throw ApiException.validation("comment must be a string", List.of("body", "comment"));
        }
        return comment.asText();
    }

    private static int positive(ApiRequest request, String name, int fallback, int max) {
        String text = request.query(name).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw ApiException.validation(name + " must be an integer from 1 to " + max, List.of("query", name))
                    .because(e);
        }
        throw ApiException.validation(name + " must be an integer from 1 to " + max, List.of("query", name));
    }

    private static ObjectNode paging(int page, int perPage) {
        ObjectNode data = Json.object();
        data.put("page", page);
        data.put("per_page", perPage);
        data.put("order_by", "created_at");
        data.put("order_by_direction", "desc");
        return data;
    }

    private static ApiResponse bare(ObjectNode data) {
        ObjectNode answer = Json.object();
        answer.put("success", true);
        answer.set("data", data);
        return new ApiResponse.Raw(200, "application/json", Json.bytes(answer));
    }

    private ObjectNode plainJson(Route route, JsonNode elements) {
        ObjectNode json = Json.object();
        json.put("id", route.id());
        json.put("name", route.name());
        json.put("gateway_id", route.gatewayId());
        json.set("elements", elements.deepCopy());
        json.put("created_at", Timestamps.format(route.createdAt()));
        json.put("modified_at", Timestamps.format(route.modifiedAt()));
        return json;
    }

    private ObjectNode routeJson(Route route, boolean withAccount) {
        Route.Version live = route.liveVersion().orElseThrow();
        ObjectNode json = plainJson(route, live.elements());
        if (withAccount) {
            json.put("account_tag", route.accountId());
        }
        route.newestDeployment().ifPresent(d -> json.set("deployment", deploymentJson(d)));
        json.set("version", versionJson(live, live.id()));
        return json;
    }

    private static ObjectNode versionJson(Route.Version version, String liveId) {
        ObjectNode json = Json.object();
        json.put("version_id", version.id());
        json.put("active", String.valueOf(version.id().equals(liveId)));
        json.put("data", Json.text(version.elements()));
        json.put("created_at", Timestamps.format(version.createdAt()));
        json.put("is_valid", version.valid());
        if (version.comment() != null) {
            json.put("comment", version.comment());
        }
        return json;
    }

    private static ObjectNode deploymentJson(Route.Deployment deployment) {
        ObjectNode json = Json.object();
        json.put("deployment_id", deployment.id());
        json.put("version_id", deployment.versionId());
        json.put("created_at", Timestamps.format(deployment.createdAt()));
        if (deployment.comment() != null) {
            json.put("comment", deployment.comment());
        }
        return json;
    }
}
