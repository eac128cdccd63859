package dev.aigw.emulator.internal.proxy;

import java.util.List;

/**
 * What a data-plane request will try: one step for provider-native and compat requests, one per array
 * element on the universal endpoint, tried in order. A {@code dynamic/{name}} model plans its route's first model
 * call as the one step, and {@code route} decides the calls after it.
 */
public record ProxyPlan(Kind kind, List<Step> steps, RoutePlan route) {

    public ProxyPlan {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a plan has at least one step");
        }
    }

    /** Creates a plan that runs no dynamic route. */
    public ProxyPlan(Kind kind, List<Step> steps) {
        this(kind, steps, null);
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
