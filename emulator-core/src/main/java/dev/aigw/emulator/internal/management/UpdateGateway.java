package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.gateway.Gateway;

/**
 * G4 {@code PUT /gateways/{id}}: existence is checked before the body is even read (management-api.md Q14); the
 * change is validated in full, naming every invalid member, then applied atomically; caches and rate-limit windows
 * then follow it.
 */
final class UpdateGateway implements Endpoint {

    private final ManagementContext context;
    private final GatewayOperations operations;

    UpdateGateway(ManagementContext context) {
        this.context = context;
        this.operations = new GatewayOperations(context);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Gateway current = GatewayIds.existing(context, request, "id");
        Gateway updated = operations.update(request.accountId(), current.id(), request.jsonObjectBody());
        return ApiResponse.single(updated.toJson(context.legacyGatewayFields()));
    }
}
