package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.gateway.Gateway;
import dev.aigw.emulator.internal.gateway.GatewayBodies;
import java.time.Instant;

/** G2 {@code POST /gateways}: validates the whole body first, naming every invalid member; a refused create stores nothing. */
final class CreateGateway implements Endpoint {

    private final ManagementContext context;

    CreateGateway(ManagementContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        GatewayBodies.NewGateway valid = GatewayBodies.forCreate(body);
        Instant now = context.clock().now();
        Gateway gateway = new Gateway(request.accountId(), valid.id(), valid.settings(),
                Gateway.DEFAULT_ID.equals(valid.id()), now, now, context.newInternalId().get());
        return ApiResponse.single(context.gateways().create(gateway).toJson(context.legacyGatewayFields()));
    }
}
