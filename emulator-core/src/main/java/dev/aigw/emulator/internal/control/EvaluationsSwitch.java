package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.evaluation.EvaluationStore;
import dev.aigw.emulator.internal.json.Json;
import java.util.List;

/**
 * {@code GET/PUT /__emulator/evaluations} {@code {"available": false}}: the setting {@code evaluations.available}
 * (management-api-2.md 5); off, dataset and evaluation writes answer 403/10000 and their lists are empty. A reset
 * turns it on again.
 */
final class EvaluationsSwitch {

    private static final JsonShape.Obj BODY = JsonShape.closedObject(
            JsonShape.required("available", JsonShape.bool()));

    private final EvaluationStore store;

    EvaluationsSwitch(EvaluationStore store) {
        this.store = store;
    }

    ApiResponse read(ApiRequest request) {
        return state();
    }

    ApiResponse set(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        BODY.check(body, List.of("body"));
        store.available(body.get("available").booleanValue());
        return state();
    }

    private ApiResponse state() {
        return new ApiResponse.Raw(200, "application/json",
                Json.bytes(Json.object().put("available", store.available())));
    }
}
