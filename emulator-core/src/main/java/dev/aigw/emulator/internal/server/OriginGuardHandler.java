package dev.aigw.emulator.internal.server;

import dev.aigw.emulator.internal.api.ApiException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Optional;

/**
 * Refuses, with 403, a request to the emulator's own surfaces that its {@link OriginPolicy} refuses: a foreign
 * {@code Host} (DNS rebinding) or a state-changing request from another origin's page. Reusable by any surface
 * that only the test, not a web page, should reach.
 */
public final class OriginGuardHandler implements HttpHandler {

    private static final HttpString SEC_FETCH_SITE = new HttpString("Sec-Fetch-Site");

    private final OriginPolicy policy;
    private final HttpHandler next;

    public OriginGuardHandler(OriginPolicy policy, HttpHandler next) {
        this.policy = policy;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        var headers = exchange.getRequestHeaders();
        Optional<String> refusal = policy.refusal(exchange.getRequestMethod().toString(),
                headers.getFirst(Headers.HOST), headers.getFirst(Headers.ORIGIN), headers.getFirst(SEC_FETCH_SITE));
        if (refusal.isPresent()) {
            throw ApiException.foreignOrigin(refusal.get());
        }
        next.handleRequest(exchange);
    }

    @Override
    public String toString() {
        return "origin-guard -> " + next;
    }
}
