package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.internal.ScopeFilter;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.proxy.Timelines;
import dev.aigw.emulator.internal.time.Timestamps;
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
                .map(ListTimelines::render)
                .forEach(list::add);
        ObjectNode body = Json.object();
        body.set("timelines", list);
        return new ApiResponse.Raw(200, "application/json", Json.bytes(body));
    }

    private static ObjectNode render(Timeline t) {
        ObjectNode node = Json.object()
                .put("request_id", t.requestId())
                .put("log_id", t.logId())
                .put("gateway_id", t.gatewayId())
                .put("provider", t.provider())
                .put("started_at", Timestamps.format(t.startedAt()))
                .put("status", t.status())
                .put("test_id", t.testId());
        ArrayNode attempts = node.putArray("attempts");
        for (Timeline.Attempt a : t.attempts()) {
            ObjectNode attempt = attempts.addObject()
                    .put("step", a.step())
                    .put("provider", a.provider())
                    .put("attempt", a.attempt())
                    .put("start_offset_ms", a.startOffsetMillis())
                    .put("end_offset_ms", a.endOffsetMillis())
                    .put("outcome", a.outcome().jsonName())
                    .put("delay_before_next_ms", a.delayBeforeNextMillis());
            if (a.status() == null) {
                attempt.putNull("status");
            } else {
                attempt.put("status", a.status());
            }
        }
        return node;
    }
}
