package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;

/** G2 {@code POST /gateways}: names every invalid member of the body; a refused create stores nothing. */
final class CreateGateway implements Endpoint {

    private final ManagementContext context;
    private final GatewayOperations operations;

    CreateGateway(ManagementContext context) {
        this.context = context;
        this.operations = new GatewayOperations(context);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.single(operations.create(request.accountId(), request.jsonObjectBody())
                .toJson(context.legacyGatewayFields()));
    }
}
