package dev.aigw.emulator.internal.server;

import dev.aigw.emulator.internal.api.ErrorEnvelope;
import dev.aigw.emulator.internal.util.Logs;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.StatusCodes;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;

/**
 * Moves the rest of a request from an I/O thread to a worker thread, where it may block: wait on the clock,
 * call a real upstream, write a stream. On the worker the rest runs inside its surface's error boundary (the
 * one above it in the chain is no longer on the stack there) and is known to {@link InFlightRequests}, so
 * closing the emulator can interrupt it.
 */
public final class WorkerHandOff {

    private static final Logger LOG = Logs.getLogger(WorkerHandOff.class);

    private final InFlightRequests inFlight;
    private final ErrorEnvelope envelope;
    private final Hints hints;

    public WorkerHandOff(InFlightRequests inFlight, ErrorEnvelope envelope, Hints hints) {
        this.inFlight = inFlight;
        this.envelope = envelope;
        this.hints = hints;
    }

    /**
     * Runs {@code rest} on a worker thread once the current handler returns (at once if called outside a
     * handler, from an I/O callback). A closing emulator's workers take no more requests: the request is answered
     * 503, as Undertow answers one it cannot dispatch once the current handler has returned.
     */
    public void continueOnWorker(HttpServerExchange exchange, HttpHandler rest) {
        try {
            exchange.dispatch(wrap(rest));
        } catch (RejectedExecutionException e) {
            // Only a pool that is shutting down refuses a task: its queue is unbounded.
            LOG.debug("Closing: no worker for {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e);
            exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
            exchange.endExchange();
        }
    }

    /**
     * Returns {@code rest} as it runs on a worker: with blocking streams, known to the in-flight set, inside the
     * error boundary.
     */
    public HttpHandler wrap(HttpHandler rest) {
        return new BlockingHandler(inFlight.around(new ErrorBoundaryHandler(envelope, hints, rest)));
    }
}
