package dev.aigw.emulator.internal.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.routing.RouteWalk;
import dev.aigw.emulator.internal.routing.Routing;
import dev.aigw.emulator.internal.util.Logs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Plans a compat request whose model is {@code dynamic/{name}} (management-api-2.md 4.4): finds the gateway's
 * route of that name, starts a walk through its live version (the request keeps that version even if the route
 * changes meanwhile) and plans the first model call; a route that ends before any model call answers the
 * gateway's error at once. Thread-safe.
 */
final class DynamicRoutes {

    private static final Logger LOG = Logs.getLogger(DynamicRoutes.class);
    private static final String PREFIX = "dynamic/";

    private final Routing routing;
    private final CompatSteps compat;
    private final EmulatorClock clock;

    DynamicRoutes(Routing routing, CompatSteps compat, EmulatorClock clock) {
        this.routing = routing;
        this.compat = compat;
        this.clock = clock;
    }

    /** Returns the plan of a {@code dynamic/} compat request, or empty when the body names another model. */
    Optional<ProxyPlan> plan(byte[] body, Map<String, List<String>> headers, ClientRequest client,
                             ResolvedGateway gateway, Function<String, String> clientHeader) {
        JsonNode request;
        try {
            request = Json.parse(body);
        } catch (Exception e) {
            LOG.debug("The compat body is not JSON, so it names no dynamic route; the compat step refuses it", e);
            return Optional.empty();
        }
        if (request == null || !request.isObject() || !request.path("model").isTextual()
                || !request.get("model").textValue().startsWith(PREFIX)) {
            return Optional.empty();
        }
        String name = request.get("model").textValue().substring(PREFIX.length());
        Map<String, JsonNode> metadata = client.headers().metadata();
        RouteWalk walk = routing.start(GatewayRef.of(gateway.gateway()), name,
                key -> RoutePlan.field(key, metadata, request, clientHeader))
                .orElseThrow(() -> RouteErrors.notFound(name));
        RoutePlan route = new RoutePlan(walk, (ObjectNode) request, headers, client.headers(), gateway, compat);
        RouteWalk.Decision first = walk.first(Duration.between(client.arrivedAt(), clock.now()).toMillis());
        if (first instanceof RouteWalk.Finish finish) {
            throw RouteErrors.of(finish.ending(), name);
        }
        Step step = route.step((RouteWalk.CallModel) first);
        return Optional.of(new ProxyPlan(ProxyPlan.Kind.COMPAT, List.of(step), route));
    }
}
