package dev.aigw.emulator.internal.api;

import io.undertow.server.HttpServerExchange;
import java.util.Map;

/** Decides whether a matched route may run for this request; throws {@link ApiException} if not. */
@FunctionalInterface
public interface Authorizer {

    /** Lets every request through: the control API needs no Cloudflare token. */
    Authorizer NONE = (exchange, route, params) -> { };

    void authorize(HttpServerExchange exchange, ApiRoute route, Map<String, String> params);
}
