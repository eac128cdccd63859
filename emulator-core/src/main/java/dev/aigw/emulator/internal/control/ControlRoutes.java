package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.EmulatorState;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.RouteTable;
import dev.aigw.emulator.internal.guard.ScannerRoutes;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.management.GatewayOperations;
import dev.aigw.emulator.internal.management.ManagementContext;
import dev.aigw.emulator.internal.management.ProviderConfigOperations;

/** The emulator's own control API under {@code /__emulator}: one line per route, no Cloudflare token. */
public final class ControlRoutes {

    private ControlRoutes() {
    }

    /** Returns the control API's routes over one emulator's state. */
    public static RouteTable table(EmulatorState state) {
        ClockEndpoints clock = new ClockEndpoints(state.clockControl());
        ScriptEndpoints scripts = new ScriptEndpoints(state.scripts(), state.providers());
        ReplyEndpoints replies = new ReplyEndpoints(state.replies(), state.providers());
        GatewayOperations gateways = new GatewayOperations(ManagementContext.of(state));
        String defaultAccountId = state.settings().defaultAccountId();
        return RecordingEndpoints.register(new RouteTable(), state)
                .add("GET", "/health", null, request -> json(Json.object().put("status", "ok")))
                .add("GET", "/session", null, new DashboardSession(state.settings()))
                .add("POST", "/reset", null, request -> {
                    state.reset();
                    return json(Json.object().put("status", "reset"));
                })
                .add("GET", "/evaluations", null, new EvaluationsSwitch(state.evaluations())::read)
                .add("PUT", "/evaluations", null, new EvaluationsSwitch(state.evaluations())::set)
                .add("GET", "/routing", null, new RoutingEndpoint(state.routing().splits())::read)
                .add("PUT", "/routing", null, new RoutingEndpoint(state.routing().splits())::set)
                .add("GET", "/clock", null, clock::read)
                .add("PUT", "/clock", null, clock::setMode)
                .add("POST", "/clock/advance", null, clock::advance)
                .add("POST", "/clock/await-waiters", null, clock::awaitWaiters)
                .add("GET", "/scripts", null, scripts::list)
                .add("GET", "/scripts/{provider}", null, scripts::count)
                .add("POST", "/scripts/{provider}", null, scripts::append)
                .add("DELETE", "/scripts/{provider}", null, scripts::clear)
                .add("GET", "/replies", null, replies::list)
                .add("POST", "/replies", null, replies::add)
                .add("DELETE", "/replies", null, replies::clear)
                .add("PUT", "/replies/strict", null, replies::strict)
                .add("GET", "/reply-problems", null, replies::problems)
                .addAll(ScannerRoutes.table(state.scanner()))
                .add("GET", "/requests", null, new ListRequests(state.journal(), state.providers()))
                .add("POST", "/requests/take", null, new TakeRequest(state.journal()))
                .add("GET", "/timelines", null, new ListTimelines(state.timelines(), state.providers()))
                .add("PUT", "/gateways/{gateway_id}", null, new ReplaceGateway(gateways, defaultAccountId,
                        state.settings().legacyGatewayFields()))
                .add("GET", "/logs/{gateway_id}", null, new ListLogEntries(gateways, defaultAccountId))
                .add("PUT", "/secrets/{secret_id}", null, request -> {
                    new ProviderConfigOperations(ManagementContext.of(state))
                            .putSecret(request.param("secret_id"), request.jsonObjectBody());
                    return json(Json.object().put("secret_id", request.param("secret_id")).put("status", "stored"));
                })
                .addAll(BillingControl.table(state.billing()));
    }

    private static ApiResponse json(ObjectNode body) {
        return new ApiResponse.Raw(200, "application/json", Json.bytes(body));
    }
}
