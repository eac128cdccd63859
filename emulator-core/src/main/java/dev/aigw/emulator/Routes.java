package dev.aigw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.remote.HttpTransport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The dynamic routes of an emulator's gateways (management-api-2.md 4.2: the SDK's ten {@code dynamicRouting}
 * methods), from {@link Emulator#routes()}. Each call is one call of the management API, as the emulator's
 * {@link Emulator#apiToken()}, so the in-process emulator, {@link RemoteEmulator} and a container's client answer
 * alike; its errors arrive as {@link ManagementApiException} (400/7001 with the member's {@code path}, 404/7002).
 * Elements are the route document's JSON array as text (management-api-2.md 4.3), stored and echoed as sent.
 *
 * <pre>{@code
 * DynamicRoute route = emulator.routes().create("gw", "support", """
 *         [{"id":"s","type":"start","outputs":{"next":{"elementId":"m"}}},
 *          {"id":"m","type":"model","properties":{"provider":"openai","model":"gpt-4o-mini"},
 *           "outputs":{"success":{"elementId":"e"}}},
 *          {"id":"e","type":"end"}]""");
 * RouteVersion next = emulator.routes().createVersion("gw", route.id(), otherElements);
 * emulator.routes().deploy("gw", route.id(), next.id());
 * }</pre>
 */
public final class Routes {

    private final HttpTransport http;
    private final String accountId;
    private final String apiToken;

    Routes(HttpTransport http, String accountId, String apiToken) {
        this.http = http;
        this.accountId = accountId;
        this.apiToken = apiToken;
    }

    /** Creates a route and deploys its first version (R1); a graph error is refused, since a create deploys. */
    public DynamicRoute create(String gatewayId, String name, String elements) {
        ObjectNode body = Json.object().put("name", Objects.requireNonNull(name, "name"));
        body.set("elements", elements(elements));
        return route(call("POST", routes(gatewayId), body, gatewayId).get("result"), gatewayId);
    }

    /** Lists a gateway's routes (R2), every page. */
    public List<DynamicRoute> list(String gatewayId) {
        List<DynamicRoute> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode routes = call("GET", routes(gatewayId) + HttpTransport.query("page", String.valueOf(page),
                    "per_page", "100"), null, gatewayId).path("data").path("routes");
            routes.forEach(r -> all.add(route(r, gatewayId)));
            if (routes.size() < 100) {
                return all;
            }
        }
    }

    /**
     * Returns a route (R3), or empty when the gateway has no route of that id; a missing gateway throws
     * {@link ManagementApiException} (404/7002).
     */
    public Optional<DynamicRoute> get(String gatewayId, String routeId) {
        return find(route(gatewayId, routeId), gatewayId).map(answer -> route(answer.get("result"), gatewayId));
    }

    /** Renames a route (R4); the new name serves at once. */
    public DynamicRoute rename(String gatewayId, String routeId, String name) {
        ObjectNode body = Json.object().put("name", Objects.requireNonNull(name, "name"));
        return route(call("PATCH", route(gatewayId, routeId), body, gatewayId).get("route"), gatewayId);
    }

    /** Deletes a route with its versions and deployments (R5); {@code dynamic/{name}} stops at once. */
    public void delete(String gatewayId, String routeId) {
        call("DELETE", route(gatewayId, routeId), null, gatewayId);
    }

    /**
     * Stores a new version without deploying it (R6); one with graph errors is stored as not valid. R6 answers the
     * route with the new elements and the {@code version_id}, so the version is then read as R8 answers it (whether
     * it is live, when it was stored).
     */
    public RouteVersion createVersion(String gatewayId, String routeId, String elements) {
        ObjectNode body = Json.object();
        body.set("elements", elements(elements));
        JsonNode result = call("POST", route(gatewayId, routeId) + "/versions", body, gatewayId).get("result");
        return version(call("GET", versionPath(gatewayId, routeId, result.get("version_id").asText()), null,
                gatewayId).get("result"));
    }

    /** Lists a route's versions, newest first (R7). */
    public List<RouteVersion> versions(String gatewayId, String routeId) {
        return each(call("GET", route(gatewayId, routeId) + "/versions", null, gatewayId).path("data")
                .path("versions"), Routes::version);
    }

    /**
     * Returns one version of a route (R8), or empty when there is no such route or the route has no version of that
     * id; a missing gateway throws {@link ManagementApiException} (404/7002).
     */
    public Optional<RouteVersion> version(String gatewayId, String routeId, String versionId) {
        return find(versionPath(gatewayId, routeId, Objects.requireNonNull(versionId, "versionId")), gatewayId)
                .map(answer -> version(answer.get("result")));
    }

    /** Makes a valid version live (R9; deploying an earlier one is the rollback) and returns the deployment. */
    public RouteDeployment deploy(String gatewayId, String routeId, String versionId) {
        ObjectNode body = Json.object().put("version_id", Objects.requireNonNull(versionId, "versionId"));
        call("POST", route(gatewayId, routeId) + "/deployments", body, gatewayId);
        return deployments(gatewayId, routeId).get(0);
    }

    /** Lists a route's deployments, newest first (R10). */
    public List<RouteDeployment> deployments(String gatewayId, String routeId) {
        return each(call("GET", route(gatewayId, routeId) + "/deployments", null, gatewayId).path("data")
                .path("deployments"), Routes::deployment);
    }

    private String gateway(String gatewayId) {
        return "/client/v4/accounts/" + HttpTransport.encode(accountId) + "/ai-gateway/gateways/"
                + HttpTransport.encode(Objects.requireNonNull(gatewayId, "gatewayId"));
    }

    private String routes(String gatewayId) {
        return gateway(gatewayId) + "/routes";
    }

    private String route(String gatewayId, String routeId) {
        return routes(gatewayId) + "/" + HttpTransport.encode(Objects.requireNonNull(routeId, "routeId"));
    }

    private String versionPath(String gatewayId, String routeId, String versionId) {
        return route(gatewayId, routeId) + "/versions/" + HttpTransport.encode(versionId);
    }

    /**
     * GETs a route or version; empty when there is no such one. The API answers 404/7002 for a missing gateway
     * too, so a 404 is told apart by asking for the gateway, whose absence throws as {@link #list} does.
     */
    private Optional<JsonNode> find(String path, String gatewayId) {
        HttpTransport.Reply reply = http.send("GET", path, null, apiToken);
        if (reply.status() != 404) {
            return Optional.of(answer(reply, gatewayId));
        }
        ManagementApiException.bodyOrThrow(http.send("GET", gateway(gatewayId), null, apiToken),
                ManagementApiException.noSuchGateway(gatewayId, accountId));
        return Optional.empty();
    }

    private JsonNode call(String method, String path, JsonNode body, String gatewayId) {
        return answer(http.send(method, path, body, apiToken), gatewayId);
    }

    private JsonNode answer(HttpTransport.Reply reply, String gatewayId) {
        return ManagementApiException.bodyOrThrow(reply, ManagementApiException.noSuchGateway(gatewayId, accountId)
                + ", or it has no route or version of that id");
    }

    private static JsonNode elements(String elements) {
        Objects.requireNonNull(elements, "elements");
        try {
            return Json.parse(elements);
        } catch (Exception e) {
            throw new IllegalArgumentException("elements must be a JSON array of route elements as text: "
                    + e.getMessage(), e);
        }
    }

    private static <T> List<T> each(JsonNode array, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>();
        array.forEach(item -> items.add(read.apply(item)));
        return items;
    }

    private static DynamicRoute route(JsonNode json, String gatewayId) {
        return new DynamicRoute(json.get("id").asText(), gatewayId, json.get("name").asText(),
                Json.text(json.get("elements")), json.has("version") ? version(json.get("version")) : null,
                json.has("deployment") ? deployment(json.get("deployment")) : null,
                instant(json.get("created_at")), instant(json.get("modified_at")));
    }

    private static RouteVersion version(JsonNode json) {
        return new RouteVersion(json.get("version_id").asText(), json.get("data").asText(),
                "true".equals(json.path("active").asText()), json.path("is_valid").asBoolean(true),
                instant(json.get("created_at")), json.hasNonNull("comment") ? json.get("comment").asText() : null);
    }

    private static RouteDeployment deployment(JsonNode json) {
        return new RouteDeployment(json.get("deployment_id").asText(), json.get("version_id").asText(),
                instant(json.get("created_at")), json.hasNonNull("comment") ? json.get("comment").asText() : null);
    }

    private static Instant instant(JsonNode text) {
        return text == null || text.isNull() ? null : Instant.parse(text.asText());
    }
}
