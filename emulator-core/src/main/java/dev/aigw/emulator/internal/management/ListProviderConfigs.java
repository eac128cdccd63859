package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.byok.StoredProviderConfig;

/** P1 {@code GET /gateways/{gateway_id}/provider_configs}: one page, newest {@code modified_at} first. */
final class ListProviderConfigs implements Endpoint {

    private final ProviderConfigOperations operations;

    ListProviderConfigs(ManagementContext context) {
        this.operations = new ProviderConfigOperations(context);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Pagination page = Pagination.of(request, 100);
        return page.respond(operations.list(request.accountId(), request.param("gateway_id")),
                StoredProviderConfig::toJson);
    }
}
