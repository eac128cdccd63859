package dev.aigw.emulator.internal.proxy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a data-plane request will try: one step for provider-native and compat requests, one per array
 * element on the universal endpoint, tried in order. A step whose model is {@code dynamic/{name}} stands for its
 * route (provider {@code dynamic}, the route name as model) and {@code routes}, by step index, decides the model
 * calls made in its place.
 */
public record ProxyPlan(Kind kind, List<Step> steps, Map<Integer, RoutePlan> routes) {

    public ProxyPlan {
        steps = List.copyOf(steps);
        routes = Map.copyOf(routes);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a plan has at least one step");
        }
    }

    /** Creates a plan that runs no dynamic route. */
    public ProxyPlan(Kind kind, List<Step> steps) {
        this(kind, steps, Map.of());
    }

    /** Returns the route a step stands for, if it stands for one. */
    public Optional<RoutePlan> route(int stepIndex) {
        return Optional.ofNullable(routes.get(stepIndex));
    }

    /** How the request reached the gateway. */
    public enum Kind {
        PROVIDER("provider"), COMPAT("compat"), UNIVERSAL("universal");

        private final String requestType;

        Kind(String requestType) {
            this.requestType = requestType;
        }

        /** Returns the log's {@code request_type} for this kind. */
        public String requestType() {
            return requestType;
        }
    }
}
