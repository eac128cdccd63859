package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.ClockControl;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.time.ReadOnlyClockControl;
import dev.aigw.emulator.internal.wire.ClockJson;
import java.time.Duration;
import java.util.List;

/**
 * {@code /__emulator/clock}: read the time (and, on a virtual clock, the waits parked on it), switch auto/manual,
 * advance, and wait until requests are parked (virtual clocks only). It drives the same {@link ClockControl} the
 * Java API's {@code clock()} returns.
 */
final class ClockEndpoints {

    private static final List<String> BODY = List.of("body");
    private static final long DEFAULT_AWAIT_MILLIS = 5_000;
    /** The longest an await of waiters waits, in real milliseconds. */
    static final long MAX_AWAIT_MILLIS = 600_000;

    private final ClockControl clock;

    ClockEndpoints(ClockControl clock) {
        this.clock = clock;
    }

    ApiResponse read(ApiRequest request) {
        return state();
    }

    ApiResponse setMode(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        JsonShape.closedObject(JsonShape.required("mode", JsonShape.oneOf(ClockJson.switchableWords()
                .toArray(String[]::new)))).check(body, BODY);
        requireVirtual();
        clock.setMode(ClockJson.mode(body.get("mode").textValue()));
        return state();
    }

    ApiResponse advance(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        JsonShape.closedObject(JsonShape.required("millis", JsonShape.millis(Long.MAX_VALUE / 1_000_000)))
                .check(body, BODY);
        requireVirtual();
        clock.advance(Duration.ofNanos(body.get("millis").decimalValue().movePointRight(6).longValueExact()));
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
        requireVirtual();
        try {
            clock.awaitWaiters(count, Duration.ofMillis(millis));
        } catch (IllegalStateException e) {
            throw ApiException.service(409, ApiError.of(7001, e.getMessage())).because(e);
        }
        return state();
    }

    private void requireVirtual() {
        if (clock.mode() == ClockMode.SYSTEM) {
            throw ApiException.service(400, ApiError.of(7001, ReadOnlyClockControl.REFUSAL));
        }
    }

    private ApiResponse state() {
        return new ApiResponse.Raw(200, "application/json", Json.bytes(ClockJson.render(clock)));
    }
}
