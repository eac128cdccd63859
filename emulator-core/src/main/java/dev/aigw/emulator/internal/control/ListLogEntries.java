package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.log.LogField;
import dev.aigw.emulator.internal.management.GatewayOperations;
import dev.aigw.emulator.internal.management.LogFilterParser;
import dev.aigw.emulator.internal.management.LogQuery;
import dev.aigw.emulator.internal.wire.LogEntryJson;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /__emulator/logs/{gateway_id}}: every field of a gateway's log entries, oldest first, as the Java
 * API's {@code logs(gatewayId, query)} returns them; empty when the gateway does not exist. Takes the Logs API's
 * {@code filters} (its JSON form) and {@code search}, and {@code account_id} (default: the default account);
 * another query parameter is refused by name.
 */
final class ListLogEntries implements Endpoint {

    private static final List<String> QUERY = List.of("account_id", "filters", "search");

    private final GatewayOperations gateways;
    private final String defaultAccountId;

    ListLogEntries(GatewayOperations gateways, String defaultAccountId) {
        this.gateways = gateways;
        this.defaultAccountId = defaultAccountId;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        ControlQuery.onlyKnown(request, QUERY);
        LogQuery selection = new LogQuery(LogFilterParser.parse(request.queryParameters()),
                request.query("search").map(s -> s.toLowerCase(Locale.ROOT)).orElse(""), LogField.CREATED_AT, false);
        ArrayNode logs = Json.array();
        gateways.logs(request.query("account_id").orElse(defaultAccountId), request.param("gateway_id"),
                selection::matches).forEach(entry -> logs.add(LogEntryJson.render(entry)));
        ObjectNode body = Json.object();
        body.set("logs", logs);
        return new ApiResponse.Raw(200, "application/json", Json.bytes(body));
    }
}
