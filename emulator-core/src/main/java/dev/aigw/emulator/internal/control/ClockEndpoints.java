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

/**
 * {@code /__emulator/clock}: read the time (and, on a virtual clock, the waits parked on it), switch auto/manual,
 * advance, and wait until requests are parked (virtual clocks only).
 */
final class ClockEndpoints {

    private static final List<String> BODY = List.of("body");
    private static final long DEFAULT_AWAIT_MILLIS = 5_000;
    private static final long MAX_AWAIT_MILLIS = 600_000;

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

    /**
     * Blocks (on a worker thread, for at most {@code timeout_ms} of real time) until {@code count} requests are
     * parked on the clock, then answers the clock's state; a woken request counts again only once it parks anew.
     */
    ApiResponse awaitWaiters(ApiRequest request) throws InterruptedException {
        ObjectNode body = request.jsonObjectBody();
        JsonShape.object(JsonShape.optional("count", JsonShape.integer(0, 100_000)),
                JsonShape.optional("timeout_ms", JsonShape.integer(0, MAX_AWAIT_MILLIS))).check(body, BODY);
        int count = body.has("count") ? body.get("count").intValue() : 1;
        long millis = body.has("timeout_ms") ? body.get("timeout_ms").longValue() : DEFAULT_AWAIT_MILLIS;
        VirtualClock virtual = virtual();
        try {
            virtual.awaitWaiters(count, Duration.ofMillis(millis));
        } catch (IllegalStateException e) {
            throw ApiException.service(409, ApiError.of(7001, e.getMessage())).because(e);
        }
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
        if (clock instanceof VirtualClock virtual) {
            node.put("waiters", virtual.waiters());
            node.put("next_wake_up", virtual.nextWakeUp().map(Timestamps::format).orElse(null));
        }
        return new ApiResponse.Raw(200, "application/json", Json.bytes(node));
    }
}
