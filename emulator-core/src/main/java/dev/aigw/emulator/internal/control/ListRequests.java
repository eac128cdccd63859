package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.ScopeFilter;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.proxy.Journal;
import dev.aigw.emulator.internal.wire.RecordedRequestJson;
import java.util.List;

/**
 * {@code GET /__emulator/requests}: the recorded upstream attempts, oldest first, filtered by the
 * {@code provider}, {@code gateway_id} and {@code test_id} query parameters. A body that is not UTF-8
 * text is given as {@code body_base64} instead of {@code body}. An unknown provider or query parameter is refused.
 */
final class ListRequests implements Endpoint {

    private static final List<String> QUERY = List.of("provider", "gateway_id", "test_id");

    private final Journal journal;
    private final ProviderRegistry providers;

    ListRequests(Journal journal, ProviderRegistry providers) {
        this.journal = journal;
        this.providers = providers;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        ScopeFilter filter = ControlQuery.filter(request, providers, QUERY);
        ArrayNode requests = Json.array();
        journal.all().stream()
                .filter(r -> filter.matches(r.provider(), r.gatewayId(), r.testId()))
                .map(RecordedRequestJson::render)
                .forEach(requests::add);
        ObjectNode body = Json.object();
        body.set("requests", requests);
        return new ApiResponse.Raw(200, "application/json", Json.bytes(body));
    }
}
