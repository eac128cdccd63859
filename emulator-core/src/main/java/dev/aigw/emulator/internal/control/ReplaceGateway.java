package dev.aigw.emulator.internal.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.gateway.GatewayField;
import dev.aigw.emulator.internal.gateway.GatewayFields;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.management.GatewayOperations;
import dev.aigw.emulator.internal.util.Suggestions;
import java.util.Iterator;
import java.util.List;

/**
 * {@code PUT /__emulator/gateways/{gateway_id}}: replaces every setting of a gateway, as the Java API's
 * {@code updateGateway} does; a setting the body leaves out takes its default (the management API's {@code PUT}
 * keeps it instead). The body is a create body without its {@code id}, validated as {@code POST /gateways} is; a
 * member that is not a gateway setting is refused by name. Takes {@code account_id} (default: the default account).
 * Answers {@code {"gateway":{...}}} as the management API writes a gateway.
 */
final class ReplaceGateway implements Endpoint {

    private static final List<String> QUERY = List.of("account_id");
    private static final List<String> MEMBERS = GatewayFields.ALL.stream().map(GatewayField::name).toList();

    private final GatewayOperations gateways;
    private final String defaultAccountId;
    private final boolean legacyFields;

    ReplaceGateway(GatewayOperations gateways, String defaultAccountId, boolean legacyFields) {
        this.gateways = gateways;
        this.defaultAccountId = defaultAccountId;
        this.legacyFields = legacyFields;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        ControlQuery.onlyKnown(request, QUERY);
        ObjectNode body = request.jsonObjectBody();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw ApiException.validation(name + ": unknown member" + Suggestions.didYouMean(name, MEMBERS)
                        + "; the members are the gateway settings of a create body, without id", List.of("body", name));
            }
        }
        ObjectNode answer = Json.object();
        answer.set("gateway", gateways.replace(request.query("account_id").orElse(defaultAccountId),
                request.param("gateway_id"), body).toJson(legacyFields));
        return new ApiResponse.Raw(200, "application/json", Json.bytes(answer));
    }
}
