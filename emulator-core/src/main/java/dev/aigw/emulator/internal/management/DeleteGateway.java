package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.gateway.Gateway;

/** G5 {@code DELETE /gateways/{id}}: answers the gateway as it was just before deletion; its cache and logs go. */
final class DeleteGateway implements Endpoint {

    private final ManagementContext context;

    DeleteGateway(ManagementContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String id = GatewayIds.fromPath(request, "id");
        Gateway deleted = context.gateways().delete(request.accountId(), id);
        context.gatewayChanges().deleted(deleted);
        return ApiResponse.single(deleted.toJson(context.legacyGatewayFields()));
    }
}
