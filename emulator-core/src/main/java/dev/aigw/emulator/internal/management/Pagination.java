package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.json.Json;
import java.util.List;
import java.util.function.Function;

/** The {@code page}/{@code per_page} query of a v4 list and the {@code result_info} it answers with. */
public record Pagination(int page, int perPage) {

    /** Reads and validates {@code page} (>= 1, default 1) and {@code per_page} (1 to max, default 20). */
    public static Pagination of(ApiRequest request, int maxPerPage) {
        return new Pagination(intQuery(request, "page", 1, 1, Integer.MAX_VALUE),
                intQuery(request, "per_page", 20, 1, maxPerPage));
    }

    /** Answers one page of {@code items}; a page past the end is an empty, successful page. */
    public <T> ApiResponse respond(List<T> items, Function<T, JsonNode> render) {
        long from = (long) (page - 1) * perPage;
        ArrayNode result = Json.array();
        items.stream().skip(Math.min(from, items.size())).limit(perPage).map(render).forEach(result::add);
        JsonNode info = Json.object().put("page", page).put("per_page", perPage)
                .put("count", result.size()).put("total_count", items.size());
        return new ApiResponse.Page(result, info);
    }

    static boolean booleanQuery(ApiRequest request, String name, boolean defaultValue) {
        String raw = request.query(name).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        if (raw.equals("true") || raw.equals("false")) {
            return raw.equals("true");
        }
        throw ApiException.validation(name + ": expected true or false, got \"" + raw + "\"", List.of("query", name));
    }

    static int intQuery(ApiRequest request, String name, int defaultValue, int min, int max) {
        String raw = request.query(name).orElse(null);
        if (raw == null) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw outOfRange(name, raw, min, max).because(e);
        }
        if (value < min || value > max) {
            throw outOfRange(name, raw, min, max);
        }
        return value;
    }

    private static ApiException outOfRange(String name, String raw, int min, int max) {
        String range = max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
        return ApiException.validation(name + ": expected " + range + ", got \"" + raw + "\"", List.of("query", name));
    }
}
