package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.ScopeFilter;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.proxy.Timelines;
import dev.aigw.emulator.internal.wire.TimelineJson;
import java.util.List;

/**
 * {@code GET /__emulator/timelines}: oldest first, filtered by {@code provider}, {@code gateway_id} and
 * {@code test_id}; another query parameter is refused.
 */
final class ListTimelines implements Endpoint {

    private static final List<String> QUERY = List.of("provider", "gateway_id", "test_id");

    private final Timelines timelines;
    private final ProviderRegistry providers;

    ListTimelines(Timelines timelines, ProviderRegistry providers) {
        this.timelines = timelines;
        this.providers = providers;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        ScopeFilter filter = ControlQuery.filter(request, providers, QUERY);
        ArrayNode list = Json.array();
        timelines.all().stream()
                .filter(t -> filter.matches(t.provider(), t.gatewayId(), t.testId()))
                .map(TimelineJson::render)
                .forEach(list::add);
        ObjectNode body = Json.object();
        body.set("timelines", list);
        return new ApiResponse.Raw(200, "application/json", Json.bytes(body));
    }
}
