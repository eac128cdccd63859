package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;

/** P2 {@code POST /gateways/{gateway_id}/provider_configs}: stores a key; answers the config without it. */
final class CreateProviderConfig implements Endpoint {

    private final ProviderConfigOperations operations;

    CreateProviderConfig(ManagementContext context) {
        this.operations = new ProviderConfigOperations(context);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.single(operations.create(request.accountId(), request.param("gateway_id"),
                request.jsonObjectBody()).toJson());
    }
}
