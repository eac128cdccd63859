package dev.aigw.emulator.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.json.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;

/** Writes complete responses. */
public final class Responses {

    private Responses() {
    }

    /** Sends a JSON body with the given status. */
    public static void json(HttpServerExchange exchange, int status, JsonNode body) {
        bytes(exchange, status, "application/json", Json.bytes(body));
    }

    /** Sends bytes with the given status and content type. */
    public static void bytes(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }
}
