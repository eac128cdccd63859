package dev.aigw.emulator.internal.server;

import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ErrorEnvelope;
import dev.aigw.emulator.internal.util.Logs;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.slf4j.Logger;

/**
 * Turns every failure below it into its surface's error envelope: {@link ApiException}s as they say (with their
 * hint beside the body as {@link Hints} says), anything else as a logged 500.
 */
public final class ErrorBoundaryHandler implements HttpHandler {

    private static final Logger LOG = Logs.getLogger(ErrorBoundaryHandler.class);

    private final ErrorEnvelope envelope;
    private final Hints hints;
    private final HttpHandler next;

    public ErrorBoundaryHandler(ErrorEnvelope envelope, Hints hints, HttpHandler next) {
        this.envelope = envelope;
        this.hints = hints;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        try {
            next.handleRequest(exchange);
        } catch (ApiException e) {
            respond(exchange, e);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // The client went away (or its connection broke) mid-request: nobody is left to answer.
            LOG.debug("Connection lost serving {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e);
            org.xnio.IoUtils.safeClose(exchange.getConnection());
        } catch (InterruptedException e) {
            // The emulator is closing while this request waits (a hang, a backoff): drop the connection.
            LOG.debug("Closing: dropping {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e);
            org.xnio.IoUtils.safeClose(exchange.getConnection());
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.error("Unexpected failure serving {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e);
            respond(exchange, ApiException.internal());
        }
    }

    private void respond(HttpServerExchange exchange, ApiException e) {
        if (exchange.isResponseStarted()) {
            // Part of the answer is already out (a stream): all we can do is cut the connection.
            org.xnio.IoUtils.safeClose(exchange.getConnection());
            return;
        }
        hints.apply(exchange, e);
        Responses.json(exchange, e.status(), envelope.render(e));
    }

    @Override
    public String toString() {
        return "error-boundary(" + envelope + ") -> " + next;
    }
}
