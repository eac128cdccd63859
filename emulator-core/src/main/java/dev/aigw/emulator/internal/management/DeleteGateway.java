package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;

/** G5 {@code DELETE /gateways/{id}}: answers the gateway as it was just before deletion; its cache and logs go. */
final class DeleteGateway implements Endpoint {

    private final ManagementContext context;
    private final GatewayOperations operations;

    DeleteGateway(ManagementContext context) {
        this.context = context;
        this.operations = new GatewayOperations(context);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.single(operations.delete(request.accountId(), request.param("id"))
                .toJson(context.legacyGatewayFields()));
    }
}
