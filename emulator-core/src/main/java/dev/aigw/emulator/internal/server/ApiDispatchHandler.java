package dev.aigw.emulator.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ApiRequest;
import dev.aigw.emulator.internal.api.ApiResponse;
import dev.aigw.emulator.internal.api.Authorizer;
import dev.aigw.emulator.internal.api.RouteTable;
import dev.aigw.emulator.internal.json.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.function.Supplier;

/**
 * Matches the request against a route table, authorizes it, runs the endpoint and writes its answer in
 * the v4 success envelope. Unknown paths are 404/7003, known paths with another method 405/10405.
 */
public final class ApiDispatchHandler implements HttpHandler {

    private final String name;
    private final Supplier<RouteTable> table;
    private final Authorizer authorizer;
    private volatile RouteTable routes;

    /**
     * Serves the routes {@code table} makes, which it calls on the first request: an emulator that is never
     * asked through this API does not load its endpoints (a fresh JVM's first proxied request paid for them).
     */
    public ApiDispatchHandler(String name, Supplier<RouteTable> table, Authorizer authorizer) {
        this.name = name;
        this.table = table;
        this.authorizer = authorizer;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws InterruptedException {
        String path = exchange.getRelativePath();
        RouteTable.Match match = routes().match(exchange.getRequestMethod().toString(), path);
        if (match instanceof RouteTable.Match.WrongMethod wrong) {
            exchange.getResponseHeaders().put(Headers.ALLOW, String.join(", ", wrong.allowed()));
            throw ApiException.methodNotAllowed();
        }
        if (!(match instanceof RouteTable.Match.Found found)) {
            throw ApiException.noRoute(path);
        }
        authorizer.authorize(exchange, found.route(), found.params());
        ApiResponse response = found.route().endpoint().handle(new ApiRequest(exchange, found.params()));
        write(exchange, response);
    }

    private RouteTable routes() {
        RouteTable made = routes;
        if (made == null) {
            synchronized (this) {
                made = routes;
                if (made == null) {
                    made = table.get();
                    routes = made;
                }
            }
        }
        return made;
    }

    private static void write(HttpServerExchange exchange, ApiResponse response) {
        if (response instanceof ApiResponse.Raw raw) {
            Responses.bytes(exchange, raw.status(), raw.contentType(), raw.body());
            return;
        }
        ObjectNode body = Json.object();
        body.put("success", true);
        body.set("errors", Json.array());
        body.set("messages", Json.array());
        if (response instanceof ApiResponse.Page page) {
            body.set("result", page.result());
            body.set("result_info", page.resultInfo());
        } else {
            body.set("result", ((ApiResponse.Single) response).result());
        }
        Responses.json(exchange, 200, body);
    }

    @Override
    public String toString() {
        return name + "-routes";
    }
}
