package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.ScopeFilter;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.script.ScriptStepJson;
import dev.aigw.emulator.internal.script.Scripts;
import dev.aigw.emulator.internal.wire.PendingScriptJson;
import java.util.List;

/**
 * {@code /__emulator/scripts}: GET lists the steps still queued (filtered by {@code provider}, {@code gateway_id}
 * and {@code test_id}); {@code /scripts/{provider}}: POST appends steps (optionally scoped by {@code gateway_id}
 * and {@code test_id}), GET counts the responses queued with exactly one scope (given as query parameters), DELETE
 * clears the provider's script (or only one scope, given as query parameters; with {@code exact_scope=true} only
 * the steps queued with exactly that scope, as {@code ProviderScript.clear()} does). An unknown provider, body
 * member or query parameter is refused by name.
 */
final class ScriptEndpoints {

    private static final List<String> BODY = List.of("body");
    private static final List<String> LIST_QUERY = List.of("provider", "gateway_id", "test_id");
    private static final List<String> SCOPE_QUERY = List.of("gateway_id", "test_id");
    private static final List<String> CLEAR_QUERY = List.of("gateway_id", "test_id", "exact_scope");
    private static final JsonShape.Obj APPEND = JsonShape.closedObject(
            JsonShape.required("steps", JsonShape.anything()),
            JsonShape.optionalNullable("gateway_id", JsonShape.text(1, 64)),
            JsonShape.optionalNullable("test_id", JsonShape.text(1, 256)));

    private final Scripts scripts;
    private final ProviderRegistry providers;

    ScriptEndpoints(Scripts scripts, ProviderRegistry providers) {
        this.scripts = scripts;
        this.providers = providers;
    }

    ApiResponse list(ApiRequest request) {
        ScopeFilter filter = ControlQuery.filter(request, providers, LIST_QUERY);
        ArrayNode list = Json.array();
        int pending = 0;
        for (Scripts.Queued queued : scripts.queued()) {
            Scripts.Scope scope = queued.scope();
            if (filter.matches(scope.provider(), scope.gatewayId(), scope.testId())) {
                pending += queued.repeat().responses();
                list.add(PendingScriptJson.render(queued));
            }
        }
        ObjectNode body = Json.object().put("pending", pending);
        body.set("scripts", list);
        return json(body);
    }

    ApiResponse append(ApiRequest request) {
        String provider = ControlQuery.provider(providers, request.param("provider"));
        ObjectNode body = request.jsonObjectBody();
        APPEND.check(body, BODY);
        List<ScriptStepJson.ScriptStep> steps = ScriptStepJson.parse(body.get("steps"), List.of("body", "steps"));
        Scripts.Scope scope = new Scripts.Scope(provider, text(body.get("gateway_id")), text(body.get("test_id")));
        steps.forEach(step -> scripts.add(scope, step.behavior(), step.repeat()));
        return answer(scope);
    }

    ApiResponse count(ApiRequest request) {
        String provider = ControlQuery.provider(providers, request.param("provider"));
        ScopeFilter filter = ControlQuery.filter(request, providers, SCOPE_QUERY);
        return answer(new Scripts.Scope(provider, filter.gatewayId(), filter.testId()));
    }

    ApiResponse clear(ApiRequest request) {
        String provider = ControlQuery.provider(providers, request.param("provider"));
        ScopeFilter filter = ControlQuery.filter(request, providers, CLEAR_QUERY);
        boolean exact = ControlQuery.flag(request, "exact_scope");
        if (!exact && filter.gatewayId() == null && filter.testId() == null) {
            scripts.clearProvider(provider);
        } else {
            scripts.clear(new Scripts.Scope(provider, filter.gatewayId(), filter.testId()));
        }
        return answer(new Scripts.Scope(provider, filter.gatewayId(), filter.testId()));
    }

    private ApiResponse answer(Scripts.Scope scope) {
        return json(Json.object().put("provider", scope.provider()).put("pending", scripts.pending(scope))
                .put("repeating", scripts.repeating(scope)));
    }

    private static ApiResponse json(ObjectNode body) {
        return new ApiResponse.Raw(200, "application/json", Json.bytes(body));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.textValue();
    }
}
