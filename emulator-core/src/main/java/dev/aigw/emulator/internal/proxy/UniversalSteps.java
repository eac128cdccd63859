package dev.aigw.emulator.internal.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.PathStyle;
import dev.aigw.emulator.internal.provider.ProviderSpec;
import dev.aigw.emulator.internal.provider.registry.ProviderEntry;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads the universal endpoint's body (proxy.md 1.4): a JSON array of steps, or one step object. A step's
 * {@code config} beats its {@code headers}, which beat the client request's {@code cf-aig-*} headers.
 */
final class UniversalSteps {

    private static final Map<String, String> CONFIG_TO_HEADER = Map.of(
            "requestTimeout", "cf-aig-request-timeout",
            "maxAttempts", "cf-aig-max-attempts",
            "retryDelay", "cf-aig-retry-delay",
            "backoff", "cf-aig-backoff");

    private final ProviderRegistry providers;
    private final CompatSteps compat;
    private final DynamicRoutes dynamic;

    UniversalSteps(ProviderRegistry providers, CompatSteps compat, DynamicRoutes dynamic) {
        this.providers = providers;
        this.compat = compat;
        this.dynamic = dynamic;
    }

    /**
     * Plans the steps of a universal request; a {@code compat} step whose {@code query.model} is
     * {@code dynamic/{name}} stands for that route (management-api-2.md 4.4).
     */
    ProxyPlan plan(byte[] body, ResolvedGateway gateway, ClientRequest client, Function<String, String> clientHeader) {
        JsonNode root;
        try {
            root = Json.parse(body);
        } catch (Exception e) {
            throw invalid("the body is not valid JSON").because(e);
        }
        List<JsonNode> elements = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(elements::add);
        } else if (root.isObject()) {
            elements.add(root);
        } else {
            throw invalid("the body must be a JSON array of steps or one step object");
        }
        if (elements.isEmpty()) {
            throw invalid("the array of steps is empty");
        }
        List<Step> steps = new ArrayList<>();
        Map<Integer, RoutePlan> routes = new HashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            steps.add(step(i, elements.get(i), gateway, client, clientHeader, routes));
        }
        return new ProxyPlan(ProxyPlan.Kind.UNIVERSAL, steps, routes);
    }

    private Step step(int index, JsonNode node, ResolvedGateway gateway, ClientRequest client,
                      Function<String, String> clientHeader, Map<Integer, RoutePlan> routes) {
        if (!node.isObject()) {
            throw invalid("step " + index + " is not an object");
        }
        String providerName = text(node, "provider", index);
        String endpoint = text(node, "endpoint", index);
        Map<String, String> stepHeaders = stepHeaders(node, index);
        Map<String, String> config = config(node.get("config"));
        Function<String, String> lookup = name -> config.getOrDefault(name,
                stepHeaders.getOrDefault(name, clientHeader.apply(name)));
        GatewayHeaders settings = GatewayHeaders.parse(lookup);
        byte[] query = node.hasNonNull("query") ? Json.bytes(node.get("query")) : new byte[0];
        Map<String, List<String>> forwarded = new LinkedHashMap<>();
        stepHeaders.forEach((name, value) -> {
            if (ForwardedHeaders.isForwarded(name, "")) {
                forwarded.put(name, List.of(value));
            }
        });
        forwarded.putIfAbsent("content-type", List.of("application/json"));
        if (providerName.equals("compat")) {
            Optional<ObjectNode> route = DynamicRoutes.routeRequest(query);
            if (route.isPresent()) {
                routes.put(index, dynamic.route(route.get(), forwarded, settings, client, gateway, clientHeader,
                        OptionalInt.of(index)));
                return DynamicRoutes.placeholder(index, DynamicRoutes.routeName(route.get()), query, settings);
            }
            return compat.step(index, query, forwarded, settings, gateway);
        }
        ProviderSpec provider = providers.find(gateway.accountId(), providerName).map(ProviderEntry::upstream)
                .orElseThrow(() -> ApiException.gateway(400, 2008, GatewayErrors.INVALID_PROVIDER)
                        .withHint(GatewayHints.unknownStepProvider(index, providerName, providers.slugs())));
        String path = endpoint.startsWith("/") ? endpoint.substring(1) : endpoint;
        String queryString = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            queryString = path.substring(q + 1);
            path = path.substring(0, q);
        }
        DotSegments.refuse(path);
        PathStyle.Target target = provider.target(path, gateway.accountId())
                .orElseThrow(() -> ApiException.gateway(400, 2008, GatewayErrors.INVALID_PROVIDER));
        return new Step(index, provider, "POST", target, queryString, forwarded, query, settings,
                Steps.retryPolicy(settings, gateway), UnaryOperator.identity(), Models.of(provider.style(), path, query), path);
    }

    private static String text(JsonNode step, String field, int index) {
        JsonNode value = step.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw invalid("step " + index + " needs a non-empty string \"" + field + "\"");
        }
        return value.textValue();
    }

    private static Map<String, String> stepHeaders(JsonNode step, int index) {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode node = step.get("headers");
        if (node != null && !node.isNull()) {
            if (!node.isObject()) {
                throw invalid("step " + index + " has \"headers\" that is not an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                headers.put(e.getKey().toLowerCase(Locale.ROOT), v.isTextual() ? v.textValue() : v.toString());
            }
        }
        JsonNode authorization = step.get("authorization");
        if (authorization != null && authorization.isTextual()) {
            headers.putIfAbsent("authorization", authorization.textValue());
        }
        return headers;
    }

    private static Map<String, String> config(JsonNode config) {
        Map<String, String> values = new LinkedHashMap<>();
        if (config != null && config.isObject()) {
            CONFIG_TO_HEADER.forEach((field, header) -> {
                JsonNode v = config.get(field);
                if (v != null && (v.isNumber() || v.isTextual())) {
                    values.put(header, v.asText());
                }
            });
        }
        return values;
    }

    private static ApiException invalid(String why) {
        return ApiException.gateway(400, 2005, "Invalid universal request: " + why);
    }
}
