package dev.aigw.emulator.internal.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.EmulatorClock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Walks one request through the live version of a route (management-api-2.md 4.5): from {@code start}, one
 * output per element, until a model node is to be called or the route ends. The caller runs each model call and
 * reports its outcome through {@link #failed} or {@link #succeeded}; a success ends the route. Counts at most 32 visits (proxy.md 8.2).
 * Keeps the visits, the choices and, for each model node, why its fallback was taken. Used by one request's
 * thread only.
 */
public final class RouteWalk {

    /** The most elements one request may visit. */
    public static final int MAX_VISITS = 32;

    private final String account;
    private final String gatewayId;
    private final Route route;
    private final Route.Version version;
    private final Map<String, JsonNode> elements = new HashMap<>();
    private final Function<String, JsonNode> field;
    private final Routing routing;
    private final EmulatorClock clock;
    private final List<Visit> visits = new ArrayList<>();
    private final List<String> costElements = new ArrayList<>();
    private final Map<String, String> costKeys = new LinkedHashMap<>();
    private String current;
    private int models;

    /** What the caller does next. */
    public sealed interface Decision {
    }

    /** Calls a model node: the {@code index}-th model node of this request (its {@code cf-aig-step}). */
    public record CallModel(String elementId, int index, String provider, String model, long timeoutMillis,
                            int retries) implements Decision {
    }

    /** The route ended without a success. */
    public record Finish(Ending ending) implements Decision {
    }

    /** Why a route ended without a model's success. */
    public enum Ending {
        /** An {@code end} element was reached. */
        END,
        /** A model failed and had no {@code fallback}. */
        MODEL_FAILED,
        /** A rate or budget element was over its limit and had no {@code fallback}. */
        RATE_LIMITED,
        /** More than {@link #MAX_VISITS} elements were visited. */
        TOO_MANY_VISITS
    }

    /**
     * One element visited.
     *
     * @param elementId the element
     * @param type its type
     * @param offsetMillis virtual milliseconds from the request's arrival to the visit
     * @param output the output followed, or {@code null} when the route ended there
     * @param reason why that output was followed, or {@code null}
     */
    public record Visit(String elementId, String type, long offsetMillis, String output, String reason) {
    }

    RouteWalk(String account, String gatewayId, Route route, Route.Version version, Function<String, JsonNode> field,
              Routing routing, EmulatorClock clock) {
        this.account = account;
        this.gatewayId = gatewayId;
        this.route = route;
        this.version = version;
        this.field = field;
        this.routing = routing;
        this.clock = clock;
        for (JsonNode element : version.elements()) {
            elements.putIfAbsent(element.get("id").asText(), element);
            if ("start".equals(element.get("type").asText()) && current == null) {
                current = element.get("id").asText();
            }
        }
    }

    /** Returns the route walked. */
    public Route route() {
        return route;
    }

    /** Returns the version walked. */
    public Route.Version version() {
        return version;
    }

    /** Returns the visits so far. */
    public List<Visit> visits() {
        return List.copyOf(visits);
    }

    /** Returns the first decision of the walk. */
    public Decision first(long offsetMillis) {
        return walk(offsetMillis);
    }

    /**
     * Reports that the model called last failed, {@code why} saying how (e.g. "http_error 503 after 3 attempts"),
     * and returns what to do next: its {@code fallback}, else the end of the route.
     */
    public Decision failed(String why, long offsetMillis) {
        Visit model = visits.remove(visits.size() - 1);
        JsonNode fallback = RouteDocument.outputs(elements.get(model.elementId())).get("fallback");
        if (fallback == null) {
            visits.add(new Visit(model.elementId(), model.type(), model.offsetMillis(), null, why));
            return new Finish(Ending.MODEL_FAILED);
        }
        visits.add(new Visit(model.elementId(), model.type(), model.offsetMillis(), "fallback", why));
        current = fallback.get("elementId").asText();
        return walk(offsetMillis);
    }

    /** Reports that the model called last answered: the route ends there. */
    public void succeeded() {
        Visit model = visits.remove(visits.size() - 1);
        visits.add(new Visit(model.elementId(), model.type(), model.offsetMillis(), "success", null));
    }

    /** Adds a completed request's cost (USD) to every cost element it passed. */
    public void completed(double costUsd) {
        costKeys.forEach((elementId, value) -> routing.counters().add(route.id(), elementId, value, costUsd,
                clock.now()));
    }

    private Decision walk(long offsetMillis) {
        while (true) {
            if (visits.size() >= MAX_VISITS) {
                return new Finish(Ending.TOO_MANY_VISITS);
            }
            JsonNode element = elements.get(current);
            String type = element.get("type").asText();
            JsonNode properties = element.path("properties");
            JsonNode outputs = RouteDocument.outputs(element);
            String output;
            String reason = null;
            switch (type) {
                case "start" -> output = "next";
                case "conditional" -> {
                    JsonNode filter = properties.has("conditions") ? properties.get("conditions")
                            : properties.get("condition");
                    output = Conditions.holds(filter, field) ? "true" : "false";
                }
                case "percentage" -> output = percentage(outputs);
                case "rate", "rate_limit" -> {
                    String key = properties.path("key").asText("");
                    JsonNode keyValue = key.isEmpty() ? null : field.apply(key);
                    String value = keyValue == null ? "" : keyValue.isTextual() ? keyValue.asText()
                            : keyValue.toString();
                    boolean cost = "cost".equals(properties.path("limitType").asText("count"));
                    RouteCounters.Rule rule = new RouteCounters.Rule(properties.path("limit").asDouble(0),
                            properties.has("window") ? properties.get("window").asLong()
                                    : properties.path("interval").asLong(0),
                            !"fixed".equals(properties.path("technique").asText("sliding")));
                    if (routing.counters().under(route.id(), current, value, rule, clock.now())) {
                        output = "success";
                        if (cost) {
                            costKeys.put(current, value);
                        } else {
                            routing.counters().add(route.id(), current, value, 1, clock.now());
                        }
                    } else {
                        output = "fallback";
                        reason = (cost ? "budget" : "rate") + " limit " + rule.limit() + " reached for key '"
                                + value + "'";
                        if (!outputs.has("fallback")) {
                            visits.add(new Visit(current, type, offsetMillis, null, reason));
                            return new Finish(Ending.RATE_LIMITED);
                        }
                    }
                }
                case "model" -> {
                    visits.add(new Visit(current, type, offsetMillis, null, null));
                    return new CallModel(current, models++, properties.path("provider").asText(),
                            properties.path("model").asText(), properties.path("timeout").asLong(0),
                            properties.path("retries").asInt(0));
                }
                default -> {
                    visits.add(new Visit(current, type, offsetMillis, null, null));
                    return new Finish(Ending.END);
                }
            }
            visits.add(new Visit(current, type, offsetMillis, output, reason));
            current = outputs.get(output).get("elementId").asText();
        }
    }

    private String percentage(JsonNode outputs) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> percents = new ArrayList<>();
        for (Iterator<String> it = outputs.fieldNames(); it.hasNext(); ) {
            String label = it.next();
            if (!"else".equals(label)) {
                labels.add(label);
                percents.add(Percentages.parse(label));
            }
        }
        return routing.splits().pick(account + "/" + gatewayId + "/" + route.id() + "/" + current, labels, percents);
    }
}
