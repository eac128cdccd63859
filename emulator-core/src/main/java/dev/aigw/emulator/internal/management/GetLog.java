package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.gateway.GatewayRef;

/** L3 {@code GET /gateways/{gateway_id}/logs/{id}}: the entry in detail, stored bodies included. */
final class GetLog implements Endpoint {

    private final ManagementContext context;

    GetLog(ManagementContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.single(LogJson.detail(find(context, request)));
    }

    /** Returns the entry a path names; 404/7002 when the gateway or the entry does not exist. */
    static LogEntry find(ManagementContext context, ApiRequest request) {
        GatewayRef gateway = GatewayRef.of(GatewayIds.existing(context, request, "gateway_id"));
        return context.logs().find(gateway, request.param("id")).orElseThrow(ApiException::notFound);
    }
}
