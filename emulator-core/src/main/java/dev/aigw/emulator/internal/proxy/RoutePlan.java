package dev.aigw.emulator.internal.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.gateway.Retries;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.retry.RetryPolicy;
import dev.aigw.emulator.internal.routing.RouteWalk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A compat request whose model is {@code dynamic/{name}} (management-api-2.md 4.4, 4.5): the walk through the
 * route's live version, and what each model node's call is built from. A model node's call (its step index the
 * node's model index, or on the universal endpoint the universal step's index) is the compat
 * request with its {@code model} replaced by {@code {provider}/{model}}, translated as compat; its
 * {@code timeout} limits each attempt to first byte (0 = none) and its {@code retries} gives retries + 1
 * attempts (at most 5), with the gateway's retry delay and backoff. The client's {@code Authorization}, and any
 * provider credential header the client sent, never reach a model node: nodes take stored keys, Unified Billing
 * or nothing (2.3 rules 2-5). Used by one request's thread only.
 */
public final class RoutePlan {

    private final RouteWalk walk;
    private final ObjectNode body;
    private final Map<String, List<String>> headers;
    private final GatewayHeaders settings;
    private final ResolvedGateway gateway;
    private final CompatSteps compat;
    private final OptionalInt universalStep;

    RoutePlan(RouteWalk walk, ObjectNode body, Map<String, List<String>> headers, GatewayHeaders settings,
              ResolvedGateway gateway, CompatSteps compat, OptionalInt universalStep) {
        this.walk = walk;
        this.body = body;
        Map<String, List<String>> kept = new LinkedHashMap<>(headers);
        kept.remove("authorization");
        this.headers = kept;
        this.settings = settings;
        this.gateway = gateway;
        this.compat = compat;
        this.universalStep = universalStep;
    }

    /** Tells whether the route runs as a universal endpoint's step, whose index it keeps (4.4). */
    boolean universal() {
        return universalStep.isPresent();
    }

    /** Returns the walk through the route. */
    public RouteWalk walk() {
        return walk;
    }

    /** Builds the step that calls a model node. */
    Step step(RouteWalk.CallModel call) {
        ObjectNode request = body.deepCopy();
        request.put("model", call.provider() + "/" + call.model());
        // The route's request is cached as a whole (RouteCache), not node by node.
        GatewayHeaders nodeSettings = new GatewayHeaders(Optional.of(true), settings.cacheTtlSeconds(),
                settings.cacheKey(), settings.metadata(), settings.collectLog(), settings.collectLogPayload(),
                settings.eventId(), call.timeoutMillis() > 0 ? OptionalLong.of(call.timeoutMillis())
                        : OptionalLong.empty(), settings.retries(), settings.customCost(), settings.byokAlias(),
                settings.noWholesale());
        Step step;
        try {
            step = compat.step(universalStep.orElse(call.index()), Json.bytes(request), headers, nodeSettings,
                    gateway);
        } catch (ApiException e) {
            throw ApiException.gateway(400, 2005, "Dynamic route '" + walk.route().name() + "' calls model '"
                    + call.provider() + "/" + call.model() + "', which the gateway cannot serve").because(e);
        }
        RetryPolicy gatewayPolicy = Steps.retryPolicy(GatewayHeaders.NONE, gateway);
        RetryPolicy policy = new RetryPolicy(Math.min(Retries.MAX_ATTEMPTS, call.retries() + 1),
                gatewayPolicy.baseDelayMillis(), gatewayPolicy.backoff());
        Map<String, List<String>> nodeHeaders = new LinkedHashMap<>(step.headers());
        nodeHeaders.remove(step.provider().credential().name());
        return new Step(step.index(), step.provider(), step.method(), step.target(), step.query(), nodeHeaders,
                step.body(), step.settings(), policy, step.translation(), step.model(), step.endpoint());
    }

    /** Reads a field of the request for conditions and keys: {@code metadata.x}, {@code body.a.0}, {@code headers.h}. */
    static JsonNode field(String key, Map<String, JsonNode> metadata, JsonNode body,
                          java.util.function.Function<String, String> header) {
        if (key.startsWith("body.")) {
            JsonNode node = body;
            for (String segment : key.substring(5).split("\\.", -1)) {
                if (node == null) {
                    return null;
                }
                node = node.isArray() && segment.matches("\\d{1,9}") ? node.get(Integer.parseInt(segment))
                        : node.get(segment);
            }
            return node == null || node.isMissingNode() ? null : node;
        }
        if (key.startsWith("headers.")) {
            String value = header.apply(key.substring(8).toLowerCase(java.util.Locale.ROOT));
            return value == null ? null : Json.nodes().textNode(value);
        }
        return metadata.get(key.startsWith("metadata.") ? key.substring(9) : key);
    }
}
