package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.routing.SplitPicker;
import java.util.List;

/** {@code GET/PUT /__emulator/routing}: the seed and mode of dynamic routes' percentage elements. */
final class RoutingEndpoint {

    private final SplitPicker splits;

    RoutingEndpoint(SplitPicker splits) {
        this.splits = splits;
    }

    ApiResponse read(ApiRequest request) {
        return state();
    }

    ApiResponse set(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        JsonShape.closedObject(
                JsonShape.optional("seed", JsonShape.integer(Long.MIN_VALUE, Long.MAX_VALUE)),
                JsonShape.optional("percentage_mode", JsonShape.oneOf("seeded", "weighted_round_robin")))
                .check(body, List.of("body"));
        long seed = body.has("seed") ? body.get("seed").longValue() : splits.seed();
        String mode = body.has("percentage_mode") ? body.get("percentage_mode").textValue() : splits.mode();
        splits.configure(seed, mode);
        return state();
    }

    private ApiResponse state() {
        ObjectNode json = Json.object().put("seed", splits.seed()).put("percentage_mode", splits.mode());
        return new ApiResponse.Raw(200, "application/json", Json.bytes(json));
    }
}
