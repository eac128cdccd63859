package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.gateway.Gateway;
import dev.aigw.emulator.internal.gateway.GatewayFields;

/** Reads the gateway id of a path: an id that cannot exist (too long, bad characters) is simply not found. */
final class GatewayIds {

    private GatewayIds() {
    }

    static String fromPath(ApiRequest request, String param) {
        String id = request.param(param);
        if (!GatewayFields.isValidId(id)) {
            throw ApiException.notFound();
        }
        return id;
    }

    static Gateway existing(ManagementContext context, ApiRequest request, String param) {
        return context.gateways().find(request.accountId(), fromPath(request, param))
                .orElseThrow(ApiException::notFound);
    }
}
