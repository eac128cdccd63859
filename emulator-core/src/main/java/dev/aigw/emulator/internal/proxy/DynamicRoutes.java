package dev.aigw.emulator.internal.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.CredentialHeader;
import dev.aigw.emulator.internal.provider.PathStyle;
import dev.aigw.emulator.internal.provider.ProviderSpec;
import dev.aigw.emulator.internal.retry.RetryPolicy;
import dev.aigw.emulator.internal.routing.RouteWalk;
import dev.aigw.emulator.internal.routing.Routing;
import dev.aigw.emulator.internal.util.Logs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;

/**
 * Plans a compat request, or a universal {@code compat} step, whose model is {@code dynamic/{name}}
 * (management-api-2.md 4.4): finds the gateway's route of that name and prepares a walk through its live version
 * (the request keeps that version even if the route changes meanwhile). The walk itself starts in the proxy, after
 * the log, the gateway's rate limit and the cache had their turn, so a request the gateway refuses never moves a
 * route's counters. An unknown route is 400/2005 at once. Thread-safe.
 */
final class DynamicRoutes {

    private static final Logger LOG = Logs.getLogger(DynamicRoutes.class);
    private static final String PREFIX = "dynamic/";

    /**
     * The provider a route's request is logged under until a model node is called, and when none is (4.6):
     * {@code dynamic}, with the route name as the model.
     */
    static final ProviderSpec DYNAMIC = new ProviderSpec("dynamic", "", "", PathStyle.PLAIN, CredentialHeader.BEARER);

    private final Routing routing;
    private final CompatSteps compat;

    DynamicRoutes(Routing routing, CompatSteps compat) {
        this.routing = routing;
        this.compat = compat;
    }

    /** Returns a compat body that asks for a dynamic route, or empty when it names another model or is not JSON. */
    static Optional<ObjectNode> routeRequest(byte[] body) {
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
        return Optional.of((ObjectNode) request);
    }

    /** Returns the route name of a body {@link #routeRequest} accepted. */
    static String routeName(ObjectNode request) {
        return request.get("model").textValue().substring(PREFIX.length());
    }

    /** Returns the plan of a {@code dynamic/} compat request, or empty when the body names another model. */
    Optional<ProxyPlan> plan(byte[] body, Map<String, List<String>> headers, ClientRequest client,
                             ResolvedGateway gateway, Function<String, String> clientHeader) {
        return routeRequest(body).map(request -> {
            RoutePlan route = route(request, headers, client.headers(), client, gateway, clientHeader,
                    OptionalInt.empty());
            return new ProxyPlan(ProxyPlan.Kind.COMPAT,
                    List.of(placeholder(0, routeName(request), body, client.headers())), Map.of(0, route));
        });
    }

    /**
     * Prepares the route of a universal step or compat request; {@code universalStep} is the universal step's
     * index, which then stays the {@code cf-aig-step} of whatever model answers (4.4).
     */
    RoutePlan route(ObjectNode request, Map<String, List<String>> headers, GatewayHeaders settings,
                    ClientRequest client, ResolvedGateway gateway, Function<String, String> clientHeader,
                    OptionalInt universalStep) {
        String name = routeName(request);
        Map<String, JsonNode> metadata = client.headers().metadata();
        RouteWalk walk = routing.start(GatewayRef.of(gateway.gateway()), name,
                        key -> RoutePlan.field(key, metadata, request, clientHeader))
                .orElseThrow(() -> RouteErrors.notFound(name));
        return new RoutePlan(walk, request, headers, settings, gateway, compat, universalStep);
    }

    /** The step that stands for a route until one of its model nodes is called. */
    static Step placeholder(int index, String name, byte[] body, GatewayHeaders settings) {
        return new Step(index, DYNAMIC, "POST", new PathStyle.Target("", ""), "", Map.of(), body, settings,
                RetryPolicy.NONE, UnaryOperator.identity(), name, "chat/completions");
    }
}
