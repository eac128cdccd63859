package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;

/** G3 {@code GET /gateways/{id}}; never auto-creates {@code default}. */
final class GetGateway implements Endpoint {

    private final ManagementContext context;

    GetGateway(ManagementContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.single(GatewayIds.existing(context, request, "id").toJson(context.legacyGatewayFields()));
    }
}
