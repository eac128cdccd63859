package dev.aigw.emulator.internal.management;

import static dev.aigw.emulator.internal.api.JsonShape.anyOf;
import static dev.aigw.emulator.internal.api.JsonShape.bool;
import static dev.aigw.emulator.internal.api.JsonShape.mapOf;
import static dev.aigw.emulator.internal.api.JsonShape.number;
import static dev.aigw.emulator.internal.api.JsonShape.object;
import static dev.aigw.emulator.internal.api.JsonShape.optionalNullable;
import static dev.aigw.emulator.internal.api.JsonShape.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Endpoint;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.json.Json;
import java.util.List;

/**
 * L4 {@code PATCH /gateways/{gateway_id}/logs/{id}}: sets the entry's {@code feedback} (-1 to 1),
 * {@code score} (0 to 100) and {@code metadata} (a flat object, stored as its JSON text); a member that is
 * present replaces the stored value, {@code null} clears it, an absent one keeps it. The gateway and the entry
 * must exist before the body is looked at (management-api.md Q14). Answers {@code result: {}}.
 */
final class PatchLog implements Endpoint {

    private static final JsonShape BODY = object(
            optionalNullable("feedback", number(-1, 1)),
            optionalNullable("score", number(0, 100)),
            optionalNullable("metadata", mapOf(anyOf("a string, number or boolean",
                    text(0, Integer.MAX_VALUE), number(-Double.MAX_VALUE, Double.MAX_VALUE), bool()))));

    private final ManagementContext context;

    PatchLog(ManagementContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        LogEntry entry = GetLog.find(context, request);
        ObjectNode body = request.jsonObjectBody();
        BODY.check(body, List.of("body"));
        context.logs().update(GatewayRef.of(GatewayIds.existing(context, request, "gateway_id")), entry.id(),
                stored -> stored.withReview(
                        body.has("feedback") ? decimal(body.get("feedback")) : stored.feedback(),
                        body.has("score") ? decimal(body.get("score")) : stored.score(),
                        body.has("metadata") ? jsonText(body.get("metadata")) : stored.metadata()));
        return ApiResponse.single(Json.object());
    }

    private static Double decimal(JsonNode node) {
        return node.isNull() ? null : node.doubleValue();
    }

    private static String jsonText(JsonNode node) {
        return node.isNull() ? null : Json.text(node);
    }
}
