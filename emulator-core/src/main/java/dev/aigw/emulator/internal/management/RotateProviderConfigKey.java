package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;

/** P3 {@code PUT /gateways/{gateway_id}/provider_configs/{id}}: replaces the key, used from the next request. */
final class RotateProviderConfigKey implements Endpoint {

    private final ProviderConfigOperations operations;

    RotateProviderConfigKey(ManagementContext context) {
        this.operations = new ProviderConfigOperations(context);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.single(operations.rotate(request.accountId(), request.param("gateway_id"),
                request.param("id"), request.jsonObjectBody()).toJson());
    }
}
