package dev.aigw.emulator.internal.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.ScanRule;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.api.RouteTable;
import dev.aigw.emulator.internal.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * The control API's routes for the fake content scanner, under {@code /__emulator/scanner}: {@code GET} lists the
 * rules and whether the Guardrails scanner is available; {@code POST /rules} adds one rule ({@link ScanRuleJson}) or
 * {@code {"rules": [..]}}, all or none; {@code DELETE /rules} removes them; {@code PUT /guardrails}
 * {@code {"available": false}} makes the Guardrails scanner unavailable; {@code DELETE} resets both. Each answers
 * the scanner's state.
 */
public final class ScannerRoutes {

    private static final List<String> BODY = List.of("body");
    private static final JsonShape.Obj AVAILABILITY =
            JsonShape.closedObject(JsonShape.required("available", JsonShape.bool()));
    private static final JsonShape.Obj RULES =
            JsonShape.closedObject(JsonShape.required("rules", JsonShape.arrayOf(JsonShape.anything())));

    private final ScanBook book;

    private ScannerRoutes(ScanBook book) {
        this.book = book;
    }

    /** Returns the routes over this emulator's scanner, to add to the control API's table. */
    public static RouteTable table(ScanBook book) {
        ScannerRoutes routes = new ScannerRoutes(book);
        return new RouteTable()
                .add("GET", "/scanner", null, request -> routes.state())
                .add("DELETE", "/scanner", null, routes::reset)
                .add("POST", "/scanner/rules", null, routes::add)
                .add("DELETE", "/scanner/rules", null, routes::clear)
                .add("PUT", "/scanner/guardrails", null, routes::availability);
    }

    private ApiResponse add(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        List<ScanRule> rules = new ArrayList<>();
        if (body.has("rules")) {
            RULES.check(body, BODY);
            JsonNode list = body.get("rules");
            for (int i = 0; i < list.size(); i++) {
                rules.add(ScanRuleJson.parse(list.get(i), List.of("body", "rules", String.valueOf(i))));
            }
        } else {
            rules.add(ScanRuleJson.parse(body, BODY));
        }
        rules.forEach(book::add);
        return state();
    }

    private ApiResponse clear(ApiRequest request) {
        book.clear();
        return state();
    }

    private ApiResponse reset(ApiRequest request) {
        book.reset();
        return state();
    }

    private ApiResponse availability(ApiRequest request) {
        ObjectNode body = request.jsonObjectBody();
        AVAILABILITY.check(body, BODY);
        book.guardrailsAvailable(body.get("available").booleanValue());
        return state();
    }

    private ApiResponse state() {
        ObjectNode body = Json.object().put("guardrails_available", book.guardrailsAvailable());
        ArrayNode rules = body.putArray("rules");
        book.list().forEach(rule -> rules.add(ScanRuleJson.render(rule)));
        return new ApiResponse.Raw(200, "application/json", Json.bytes(body));
    }
}
