package dev.aigw.emulator.internal.control;

import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.RouteTable;
import dev.aigw.emulator.internal.json.Json;

/** The emulator's own control API under {@code /__emulator}: one line per route, no Cloudflare token. */
public final class ControlRoutes {

    private ControlRoutes() {
    }

    public static RouteTable table(Runnable reset, dev.aigw.emulator.internal.proxy.Journal journal) {
        return new RouteTable()
                .add("GET", "/health", null, request -> raw(Json.object().put("status", "ok")))
                .add("POST", "/reset", null, request -> {
                    reset.run();
                    return raw(Json.object().put("status", "reset"));
                })
                .add("GET", "/requests", null, new ListRequests(journal));
    }

    private static ApiResponse raw(com.fasterxml.jackson.databind.node.ObjectNode body) {
        return new ApiResponse.Raw(200, "application/json", Json.bytes(body));
    }
}
