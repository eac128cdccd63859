package dev.aigw.emulator.internal.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.ScanRule;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.JsonShape;
import dev.aigw.emulator.internal.api.RouteTable;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.util.Suggestions;
import java.util.ArrayList;
import java.util.List;

/**
 * The control API's routes for the fake content scanner, under {@code /__emulator/scanner}: {@code GET} lists the
 * rules and whether the Guardrails scanner is available; {@code POST /rules} adds one rule ({@link ScanRuleJson}) or
 * {@code {"rules": [..]}}, all or none; {@code DELETE /rules} removes them (only one test id's with {@code ?test_id=}); {@code PUT /guardrails}
 * {@code {"available": false}} makes the Guardrails scanner unavailable; {@code DELETE} resets both. Each answers
 * the scanner's state; an unknown query parameter is refused by name.
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
                .add("GET", "/scanner", null, routes::read)
                .add("DELETE", "/scanner", null, routes::reset)
                .add("POST", "/scanner/rules", null, routes::add)
                .add("DELETE", "/scanner/rules", null, routes::clear)
                .add("PUT", "/scanner/guardrails", null, routes::availability);
    }

    private ApiResponse read(ApiRequest request) {
        onlyKnown(request, List.of());
        return state();
    }

    private ApiResponse add(ApiRequest request) {
        onlyKnown(request, List.of());
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
        onlyKnown(request, List.of("test_id"));
        book.clear(request.query("test_id").orElse(null));
        return state();
    }

    /** Refuses a query parameter other than {@code allowed}, naming it and the closest allowed one. */
    private static void onlyKnown(ApiRequest request, List<String> allowed) {
        for (String name : request.queryParameters().keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.validation("unknown query parameter \"" + name + "\""
                        + Suggestions.didYouMean(name, allowed) + "; this call takes "
                        + (allowed.isEmpty() ? "none" : String.join(", ", allowed)), List.of("query", name));
            }
        }
    }

    private ApiResponse reset(ApiRequest request) {
        onlyKnown(request, List.of());
        book.reset();
        return state();
    }

    private ApiResponse availability(ApiRequest request) {
        onlyKnown(request, List.of());
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
