package dev.aigw.emulator.internal.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Methods;

/**
 * Runs a {@code GET} without a body where it arrived, on the I/O thread: the control API's reads (health,
 * clock, recorded requests, timelines) neither read a body nor wait, and a health probe answered without a
 * thread hand-off is what makes the emulator ready fast. Anything else goes to a worker thread.
 */
public final class BodilessGetHandler implements HttpHandler {

    private final HttpHandler next;
    private final HttpHandler onWorker;

    public BodilessGetHandler(HttpHandler next) {
        this.next = next;
        this.onWorker = new BlockingHandler(next);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread() && exchange.getRequestMethod().equals(Methods.GET)
                && RequestBodies.declaresNone(exchange)) {
            next.handleRequest(exchange);
        } else {
            onWorker.handleRequest(exchange);
        }
    }

    @Override
    public String toString() {
        return "bodiless-get -> " + next;
    }
}
