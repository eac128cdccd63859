package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.Timestamps;
import java.time.Duration;
import java.util.List;

/** {@code /__emulator/clock}: read the time, switch auto/manual, advance (virtual clocks only). */
final class ClockEndpoints {

    private static final List<String> BODY = List.of("body");

    private final EmulatorClock clock;

    ClockEndpoints(EmulatorClock clock) {
        this.clock = clock;
    }

    ApiResponse read(ApiRequest request) {
        return state();
    }

    ApiResponse setMode(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        JsonShape.closedObject(JsonShape.required("mode", JsonShape.oneOf("auto", "manual"))).check(body, BODY);
        virtual().setMode(body.get("mode").textValue().equals("auto") ? VirtualClock.Mode.AUTO : VirtualClock.Mode.MANUAL);
        return state();
    }

    ApiResponse advance(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        JsonShape.closedObject(JsonShape.required("millis", JsonShape.integer(0, Long.MAX_VALUE / 1_000_000)))
                .check(body, BODY);
        virtual().advance(Duration.ofMillis(body.get("millis").longValue()));
        return state();
    }

    private VirtualClock virtual() {
        if (clock instanceof VirtualClock virtual) {
            return virtual;
        }
        throw ApiException.service(400, ApiError.of(7001, "The emulator runs on the system clock, which cannot be"
                + " switched or advanced; start it with AIGW_CLOCK=virtual (or --clock virtual) to control time"));
    }

    private ApiResponse state() {
        ObjectNode node = Json.object().put("mode", clock.mode()).put("now", Timestamps.format(clock.now()));
        return new ApiResponse.Raw(200, "application/json", Json.bytes(node));
    }
}
