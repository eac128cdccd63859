package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * L1 {@code GET /gateways/{gateway_id}/logs}: filtered, searched and sorted (newest first unless told
 * otherwise, management-api.md Q6), 20 per page and at most 50; with {@code meta_info=true} the
 * {@code result_info} adds the minimum and maximum cost, duration and token counts of the selected entries (0
 * when none has a value).
 */
final class ListLogs implements Endpoint {

    private final ManagementContext context;

    ListLogs(ManagementContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        GatewayRef gateway = GatewayRef.of(GatewayIds.existing(context, request, "gateway_id"));
        Pagination pagination = Pagination.of(request, 50);
        LogQuery query = LogQuery.of(request, LogQuery.LIST_ORDER, true);
        boolean metaInfo = Pagination.booleanQuery(request, "meta_info", false);
        List<LogEntry> entries = query.select(context.logs().list(gateway));
        ApiResponse.Page page = (ApiResponse.Page) pagination.respond(entries, LogJson::summary);
        if (metaInfo) {
            ObjectNode info = (ObjectNode) page.resultInfo();
            range(info, "cost", entries, e -> e.cost());
            range(info, "duration", entries, e -> e.durationMillis());
            range(info, "tokens_in", entries, e -> e.tokensIn() == null ? Double.NaN : e.tokensIn());
            range(info, "tokens_out", entries, e -> e.tokensOut() == null ? Double.NaN : e.tokensOut());
            range(info, "total_tokens", entries, e -> e.tokensIn() == null && e.tokensOut() == null ? Double.NaN
                    : Objects.requireNonNullElse(e.tokensIn(), 0) + Objects.requireNonNullElse(e.tokensOut(), 0));
        }
        return page;
    }

    private static void range(ObjectNode info, String name, List<LogEntry> entries, ToDoubleFunction<LogEntry> of) {
        double min = entries.stream().mapToDouble(of).filter(v -> !Double.isNaN(v)).min().orElse(0);
        double max = entries.stream().mapToDouble(of).filter(v -> !Double.isNaN(v)).max().orElse(0);
        if (name.equals("cost")) {
            info.put("min_cost", min).put("max_cost", max);
        } else {
            info.put("min_" + name, (long) min).put("max_" + name, (long) max);
        }
    }
}
