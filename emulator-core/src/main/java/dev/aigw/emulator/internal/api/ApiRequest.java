package dev.aigw.emulator.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.json.Json;
import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One call to a JSON API endpoint: its path parameters, query and body. */
public final class ApiRequest {

    private final HttpServerExchange exchange;
    private final Map<String, String> params;

    public ApiRequest(HttpServerExchange exchange, Map<String, String> params) {
        this.exchange = exchange;
        this.params = Map.copyOf(params);
    }

    /** Returns a path parameter of the route template. */
    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalStateException("route template has no parameter " + name);
        }
        return value;
    }

    /** Returns the {@code account_id} path parameter. */
    public String accountId() {
        return param("account_id");
    }

    /** Returns the first value of a query parameter, if present. */
    public Optional<String> query(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** Returns every query parameter with all its values. */
    public Map<String, Deque<String>> queryParameters() {
        return exchange.getQueryParameters();
    }

    /** Returns the raw body; a body over the limit is a 413 here, where an endpoint first reads it. */
    public byte[] body() {
        return RequestBodies.read(exchange);
    }

    /** Returns the body parsed as a JSON object; anything else is a 400/7001 at {@code ["body"]}. */
    public ObjectNode jsonObjectBody() {
        byte[] body = body();
        if (body.length == 0) {
            throw ApiException.validation("the body must be a JSON object, got an empty body", List.of("body"));
        }
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (JsonProcessingException e) {
            throw ApiException.validation("the body is not valid JSON (" + e.getOriginalMessage() + ")",
                    List.of("body"));
        }
        if (!node.isObject()) {
            throw ApiException.validation("the body must be a JSON object, got " + node.getNodeType()
                    .toString().toLowerCase(java.util.Locale.ROOT), List.of("body"));
        }
        return (ObjectNode) node;
    }

    /** Returns the underlying exchange, for endpoints that need headers or the connection. */
    public HttpServerExchange exchange() {
        return exchange;
    }
}
