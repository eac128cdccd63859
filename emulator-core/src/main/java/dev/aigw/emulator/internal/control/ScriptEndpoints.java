package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.script.ScriptStepJson;
import dev.aigw.emulator.internal.script.Scripts;
import java.util.List;

/**
 * {@code /__emulator/scripts/{provider}}: POST appends steps (optionally scoped by {@code gateway_id} and
 * {@code test_id}), DELETE clears the provider's script (or only one scope, given as query parameters).
 */
final class ScriptEndpoints {

    private static final List<String> BODY = List.of("body");

    private final Scripts scripts;

    ScriptEndpoints(Scripts scripts) {
        this.scripts = scripts;
    }

    ApiResponse append(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        JsonShape.object(JsonShape.optionalNullable("gateway_id", JsonShape.text(1, 64)),
                JsonShape.optionalNullable("test_id", JsonShape.text(1, 256))).check(body, BODY);
        List<ScriptStepJson.ScriptStep> steps = ScriptStepJson.parse(body.get("steps"), List.of("body", "steps"));
        Scripts.Scope scope = new Scripts.Scope(request.param("provider"), text(body.get("gateway_id")),
                text(body.get("test_id")));
        steps.forEach(step -> scripts.add(scope, step.behavior(), step.repeat()));
        return answer(scope);
    }

    ApiResponse clear(ApiRequest request) {
        String provider = request.param("provider");
        String gateway = request.query("gateway_id").orElse(null);
        String test = request.query("test_id").orElse(null);
        if (gateway == null && test == null) {
            scripts.clearProvider(provider);
        } else {
            scripts.clear(new Scripts.Scope(provider, gateway, test));
        }
        return answer(new Scripts.Scope(provider, gateway, test));
    }

    private ApiResponse answer(Scripts.Scope scope) {
        ObjectNode node = Json.object().put("provider", scope.provider()).put("pending", scripts.count(scope));
        return new ApiResponse.Raw(200, "application/json", Json.bytes(node));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.textValue();
    }
}
