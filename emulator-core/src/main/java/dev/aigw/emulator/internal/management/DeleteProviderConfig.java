package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;

/** P4 {@code DELETE /gateways/{gateway_id}/provider_configs/{id}}: answers the deleted config. */
final class DeleteProviderConfig implements Endpoint {

    private final ProviderConfigOperations operations;

    DeleteProviderConfig(ManagementContext context) {
        this.operations = new ProviderConfigOperations(context);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.single(operations.delete(request.accountId(), request.param("gateway_id"),
                request.param("id")).toJson());
    }
}
