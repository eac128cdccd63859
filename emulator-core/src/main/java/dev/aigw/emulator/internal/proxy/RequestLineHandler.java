package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Has a {@link RequestLine} written when the request ends, while its logger is at DEBUG; otherwise costs one check
 * of the level and allocates nothing.
 */
public final class RequestLineHandler implements HttpHandler {

    private final EmulatorClock clock;
    private final HttpHandler next;

    public RequestLineHandler(EmulatorClock clock, HttpHandler next) {
        this.clock = clock;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RequestLine line = RequestLine.startIfEnabled(clock);
        if (line != null) {
            exchange.putAttachment(ProxyAttachments.REQUEST_LINE, line);
            exchange.addExchangeCompleteListener(line);
        }
        next.handleRequest(exchange);
    }

    @Override
    public String toString() {
        return "request-line -> " + next;
    }
}
