package dev.aigw.emulator.internal.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.json.Json;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a route's {@code elements} array (management-api-2.md 4.3). Shape errors are thrown at once as a
 * 400/7001 whose {@code path} reaches the offending member; graph errors are returned, so that a new version can
 * be stored with {@code is_valid: false} while a create refuses them. The emulator accepts both the SDK's and the
 * docs' member names and stores the document as sent. Stateless and thread-safe.
 */
public final class RouteDocument {

    /** The element types, with the docs' {@code rate_limit} beside the SDK's {@code rate}. */
    static final Set<String> TYPES = Set.of("start", "conditional", "percentage", "rate", "rate_limit", "model", "end");

    private static final int MAX_PERCENTAGE_LABELS = 5;

    private final Predicate<String> knownProvider;

    /** Creates a checker; {@code knownProvider} tells whether a model node's {@code provider} slug exists. */
    public RouteDocument(Predicate<String> knownProvider) {
        this.knownProvider = knownProvider;
    }

    /** One graph error: what is wrong and where, as a path under the body. */
    public record GraphError(String message, List<String> path) {

        /** Returns this error as the 400/7001 a create answers. */
        public ApiException toException() {
            return ApiException.validation(message, path);
        }
    }

    /**
     * Checks the shape of {@code elements} found at {@code ["body","elements"]}, throwing the first shape error,
     * and returns the graph errors (empty when the route can serve).
     */
    public List<GraphError> check(JsonNode elements) {
        List<String> base = List.of("body", "elements");
        if (elements == null || elements.isMissingNode() || elements.isNull()) {
            throw ApiException.validation("elements is required", base);
        }
        if (!elements.isArray()) {
            throw ApiException.validation("elements must be an array of route elements", base);
        }
        for (int i = 0; i < elements.size(); i++) {
            checkShape(elements.get(i), at(base, String.valueOf(i)));
        }
        return graphErrors(elements, base);
    }

    private static void checkShape(JsonNode element, List<String> path) {
        if (!element.isObject()) {
            throw ApiException.validation("a route element must be an object", path);
        }
        JsonNode id = element.get("id");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            throw ApiException.validation("id is required and must be a non-empty string", at(path, "id"));
        }
        JsonNode type = element.get("type");
        if (type == null || !type.isTextual()) {
            throw ApiException.validation("type is required and must be a string", at(path, "type"));
        }
        if (!TYPES.contains(type.asText())) {
            throw ApiException.validation("unknown element type '" + type.asText() + "'; expected one of "
                    + "start, conditional, percentage, rate, rate_limit, model, end", at(path, "type"));
        }
        JsonNode outputs = element.get("outputs");
        if (outputs != null && !outputs.isNull()) {
            if (!outputs.isObject()) {
                throw ApiException.validation("outputs must be an object of label -> {\"elementId\"}",
                        at(path, "outputs"));
            }
            if (!"end".equals(type.asText())) {
                for (Iterator<Map.Entry<String, JsonNode>> it = outputs.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> output = it.next();
                    List<String> outputPath = at(at(path, "outputs"), output.getKey());
                    if (!output.getValue().isObject()) {
                        throw ApiException.validation("output '" + output.getKey() + "' must be {\"elementId\": string}",
                                outputPath);
                    }
                    JsonNode target = output.getValue().get("elementId");
                    if (target == null || !target.isTextual()) {
                        throw ApiException.validation("elementId is required and must be a string",
                                at(outputPath, "elementId"));
                    }
                }
            }
        }
        JsonNode properties = element.get("properties");
        if (properties == null || properties.isNull()) {
            return;
        }
        List<String> propertiesPath = at(path, "properties");
        if (!properties.isObject()) {
            throw ApiException.validation("properties must be an object", propertiesPath);
        }
        switch (type.asText()) {
            case "conditional" -> {
                objectOrAbsent(properties, "conditions", propertiesPath);
                objectOrAbsent(properties, "condition", propertiesPath);
            }
            case "rate", "rate_limit" -> {
                stringOrAbsent(properties, "key", propertiesPath);
                numberOrAbsent(properties, "limit", propertiesPath);
                numberOrAbsent(properties, "window", propertiesPath);
                numberOrAbsent(properties, "interval", propertiesPath);
                enumOrAbsent(properties, "limitType", propertiesPath, "count", "cost");
                enumOrAbsent(properties, "technique", propertiesPath, "sliding", "fixed");
            }
            case "model" -> {
                stringOrAbsent(properties, "provider", propertiesPath);
                stringOrAbsent(properties, "model", propertiesPath);
                numberOrAbsent(properties, "timeout", propertiesPath);
                numberOrAbsent(properties, "retries", propertiesPath);
            }
            default -> {
            }
        }
    }

    private static void objectOrAbsent(JsonNode properties, String name, List<String> path) {
        JsonNode value = properties.get(name);
        if (value != null && !value.isNull() && !value.isObject()) {
            throw ApiException.validation(name + " must be an object", at(path, name));
        }
    }

    private static void stringOrAbsent(JsonNode properties, String name, List<String> path) {
        JsonNode value = properties.get(name);
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw ApiException.validation(name + " must be a string", at(path, name));
        }
    }

    private static void numberOrAbsent(JsonNode properties, String name, List<String> path) {
        JsonNode value = properties.get(name);
        if (value != null && !value.isNull() && (!value.isNumber() || value.decimalValue().signum() < 0)) {
            throw ApiException.validation(name + " must be a number of at least 0", at(path, name));
        }
    }

    private static void enumOrAbsent(JsonNode properties, String name, List<String> path, String... values) {
        JsonNode value = properties.get(name);
        if (value != null && !value.isNull() && (!value.isTextual() || !List.of(values).contains(value.asText()))) {
            throw ApiException.validation(name + " must be one of " + String.join(", ", values), at(path, name));
        }
    }

    private List<GraphError> graphErrors(JsonNode elements, List<String> base) {
        List<GraphError> errors = new ArrayList<>();
        Map<String, JsonNode> byId = new HashMap<>();
        String start = null;
        int starts = 0;
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String id = element.get("id").asText();
            List<String> path = at(base, String.valueOf(i));
            if (byId.putIfAbsent(id, element) != null) {
                errors.add(new GraphError("duplicate element id '" + id + "'", at(path, "id")));
            }
            if ("start".equals(element.get("type").asText())) {
                starts++;
                start = id;
            }
        }
        if (starts != 1) {
            errors.add(new GraphError("elements must hold exactly one start element, found " + starts, base));
        }
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            List<String> path = at(base, String.valueOf(i));
            String type = element.get("type").asText();
            JsonNode outputs = outputs(element);
            if (!"end".equals(type)) {
                for (Iterator<Map.Entry<String, JsonNode>> it = outputs.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> output = it.next();
                    String target = output.getValue().get("elementId").asText();
                    if (!byId.containsKey(target)) {
                        errors.add(new GraphError("elementId '" + target + "' of output '" + output.getKey()
                                + "' names no element", at(at(at(path, "outputs"), output.getKey()), "elementId")));
                    }
                }
            }
            for (String required : requiredOutputs(type)) {
                if (!outputs.has(required)) {
                    errors.add(new GraphError("a " + type + " element needs outputs." + required,
                            at(path, "outputs")));
                }
            }
            if ("percentage".equals(type)) {
                percentageErrors(outputs, at(path, "outputs"), errors);
            }
            if ("model".equals(type)) {
                String provider = element.path("properties").path("provider").asText("");
                if (!knownProvider.test(provider) && !provider.startsWith("custom-")) {
                    errors.add(new GraphError("unknown provider '" + provider + "'",
                            at(at(path, "properties"), "provider")));
                }
            }
        }
        if (start != null && starts == 1 && !endReachable(start, byId)) {
            errors.add(new GraphError("no end element of elements is reachable from start", base));
        }
        return errors;
    }

    private static List<String> requiredOutputs(String type) {
        return switch (type) {
            case "start" -> List.of("next");
            case "conditional" -> List.of("true", "false");
            case "rate", "rate_limit", "model" -> List.of("success");
            default -> List.of();
        };
    }

    private static void percentageErrors(JsonNode outputs, List<String> path, List<GraphError> errors) {
        BigDecimal sum = BigDecimal.ZERO;
        int labels = 0;
        boolean hasElse = false;
        for (Iterator<String> it = outputs.fieldNames(); it.hasNext(); ) {
            String label = it.next();
            if ("else".equals(label)) {
                hasElse = true;
                continue;
            }
            labels++;
            BigDecimal percent = Percentages.parse(label);
            if (percent == null) {
                errors.add(new GraphError("a percentage label must be 'N%' with 0 < N <= 100 or 'else', got '"
                        + label + "'", at(path, label)));
                return;
            }
            sum = sum.add(percent);
        }
        if (labels > MAX_PERCENTAGE_LABELS) {
            errors.add(new GraphError("a percentage element's outputs take at most 5 labels besides 'else', got " + labels,
                    path));
        } else if (sum.compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new GraphError("the percentages of outputs add up to " + sum.toPlainString() + "%, over 100%", path));
        } else if (sum.compareTo(BigDecimal.valueOf(100)) < 0 && !hasElse) {
            errors.add(new GraphError("the percentages of outputs add up to " + sum.toPlainString()
                    + "%, under 100%, and there is no 'else' output", path));
        }
    }

    private static boolean endReachable(String start, Map<String, JsonNode> byId) {
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            JsonNode element = byId.get(queue.poll());
            if (element == null || !seen.add(element.get("id").asText())) {
                continue;
            }
            if ("end".equals(element.get("type").asText())) {
                return true;
            }
            outputs(element).forEach(output -> queue.add(output.path("elementId").asText()));
        }
        return false;
    }

    static JsonNode outputs(JsonNode element) {
        JsonNode outputs = element.get("outputs");
        return outputs != null && outputs.isObject() ? outputs : Json.object();
    }

    private static List<String> at(List<String> path, String member) {
        List<String> next = new ArrayList<>(path);
        next.add(member);
        return List.copyOf(next);
    }
}
