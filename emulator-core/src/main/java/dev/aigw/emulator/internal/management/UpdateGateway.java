package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.gateway.Gateway;
import dev.aigw.emulator.internal.gateway.GatewayBodies;
import java.util.concurrent.atomic.AtomicReference;

/**
 * G4 {@code PUT /gateways/{id}}: existence is checked before the body (management-api.md Q14); the
 * change is validated in full, then applied atomically; caches and rate-limit windows then follow it.
 */
final class UpdateGateway implements Endpoint {

    private final ManagementContext context;

    UpdateGateway(ManagementContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Gateway current = GatewayIds.existing(context, request, "id");
        ObjectNode body = request.jsonObjectBody();
        GatewayBodies.forUpdate(body, current.settings());
        AtomicReference<Gateway> before = new AtomicReference<>();
        Gateway updated = context.gateways().update(request.accountId(), current.id(), stored -> {
            before.set(stored);
            return stored.withSettings(GatewayBodies.forUpdate(body, stored.settings()), context.clock().now());
        });
        context.gatewayChanges().updated(before.get(), updated);
        return ApiResponse.single(updated.toJson(context.legacyGatewayFields()));
    }
}
