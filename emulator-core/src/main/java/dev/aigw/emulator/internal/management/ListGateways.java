package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.gateway.Gateway;
import java.util.List;
import java.util.Locale;

/** G1 {@code GET /gateways}: newest first, {@code search} as a case-insensitive substring of the id. */
final class ListGateways implements Endpoint {

    private final ManagementContext context;

    ListGateways(ManagementContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Pagination pagination = Pagination.of(request, 100);
        String search = request.query("search").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        List<Gateway> gateways = context.gateways().list(request.accountId()).stream()
                .filter(g -> g.id().contains(search))
                .toList();
        return pagination.respond(gateways, g -> g.toJson(context.legacyGatewayFields()));
    }
}
