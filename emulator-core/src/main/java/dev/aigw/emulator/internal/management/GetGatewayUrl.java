package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.gateway.Gateway;

/**
 * G6 {@code GET /gateways/{gateway_id}/url/{provider}}: the emulator's own data-plane URL of that
 * provider, as a bare string; the provider slug is not checked, as the real service does not check it.
 */
final class GetGatewayUrl implements Endpoint {

    private final ManagementContext context;

    GetGatewayUrl(ManagementContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Gateway gateway = GatewayIds.existing(context, request, "gateway_id");
        String url = context.baseUrl().get() + "/v1/" + request.accountId() + "/" + gateway.id() + "/"
                + request.param("provider");
        return ApiResponse.single(TextNode.valueOf(url));
    }
}
