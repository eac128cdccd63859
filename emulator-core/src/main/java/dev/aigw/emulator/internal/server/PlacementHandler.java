package dev.aigw.emulator.internal.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Optional;

/**
 * The stage where a request's place is decided, by its surface's {@link Placement.Rule}: the rest of the chain
 * runs here, on the I/O thread, or moves to a worker thread through the {@link WorkerHandOff}.
 */
public final class PlacementHandler implements HttpHandler {

    private final Placement.Rule rule;
    private final WorkerHandOff handOff;
    private final HttpHandler next;

    public PlacementHandler(Placement.Rule rule, WorkerHandOff handOff, HttpHandler next) {
        this.rule = rule;
        this.handOff = handOff;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Optional<Placement.Inline> inline = rule.inline(exchange);
        if (inline.isEmpty()) {
            handOff.continueOnWorker(exchange, next);
            return;
        }
        try (Placement.Inline held = inline.get()) {
            next.handleRequest(exchange);
        }
    }

    @Override
    public String toString() {
        return "placement -> " + next;
    }
}
