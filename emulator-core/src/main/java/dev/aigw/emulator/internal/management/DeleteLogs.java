package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.gateway.GatewayRef;

/**
 * L2 {@code DELETE /gateways/{gateway_id}/logs}: deletes up to {@code limit} (1 to 10,000, default 10,000) of
 * the entries the filters select, taken in {@code order_by} order (default {@code created_at} ascending, so the
 * oldest go first); answers the envelope with {@code result: null}.
 */
final class DeleteLogs implements Endpoint {

    private static final int MAX_LIMIT = 10_000;

    private final ManagementContext context;

    DeleteLogs(ManagementContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        GatewayRef gateway = GatewayRef.of(GatewayIds.existing(context, request, "gateway_id"));
        int limit = Pagination.intQuery(request, "limit", MAX_LIMIT, 1, MAX_LIMIT);
        LogQuery query = LogQuery.of(request, LogQuery.DELETE_ORDER, false);
        context.logs().delete(gateway, query.select(context.logs().list(gateway)).stream()
                .limit(limit).map(LogEntry::id).toList());
        return ApiResponse.single(null);
    }
}
