package dev.aigw.emulator.internal.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.xnio.IoUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry of the data plane. A request whose body has a declared length of at most 64 KiB (or no body) is
 * read without blocking and served on the I/O thread, with no hand-off to a worker, as long as nothing on
 * its way may wait (see {@link WorkerHandOff}); any other body (chunked, larger, or declared over the limit,
 * which gets its 413 after a bounded drain) is read by blocking code on a worker, as before.
 */
public final class IoThreadEntryHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(IoThreadEntryHandler.class);

    private static final byte[] NO_BODY = new byte[0];

    /**
     * Undertow's receiver allocates the declared length before the bytes arrive; above this a body is read by a
     * worker, as it comes, so that a few slow large uploads cannot claim their whole size up front.
     */
    private static final long MAX_BODY_READ_ON_IO_THREAD = 64 * 1024;

    private final long maxBodyBytes;
    private final HttpHandler chain;
    private final HttpHandler onWorker;

    public IoThreadEntryHandler(long maxBodyBytes, WorkerHandOff handOff, HttpHandler chain) {
        this.maxBodyBytes = maxBodyBytes;
        this.chain = chain;
        this.onWorker = handOff.wrap(chain);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!exchange.isInIoThread()) {
            onWorker.handleRequest(exchange);
            return;
        }
        if (RequestBodies.declaresNone(exchange)) {
            RequestBodies.attach(exchange, NO_BODY);
            chain.handleRequest(exchange);
        } else if (!RequestBodies.isChunked(exchange)
                && exchange.getRequestContentLength() <= Math.min(maxBodyBytes, MAX_BODY_READ_ON_IO_THREAD)) {
            exchange.getRequestReceiver().receiveFullBytes(this::bodyReceived, (failed, e) -> {
                LOG.debug("Connection lost receiving the body of {} {}", failed.getRequestMethod(),
                        failed.getRequestPath(), e);
                IoUtils.safeClose(failed.getConnection());
            });
        } else {
            exchange.dispatch(onWorker);
        }
    }

    private void bodyReceived(HttpServerExchange exchange, byte[] body) {
        RequestBodies.attach(exchange, body);
        try {
            chain.handleRequest(exchange);
        } catch (Exception e) {
            // The chain answers every failure itself (it starts with an error boundary); this is a lost client.
            LOG.debug("Connection lost serving {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e);
            IoUtils.safeClose(exchange.getConnection());
        }
    }

    @Override
    public String toString() {
        return "io-thread-entry -> " + chain;
    }
}
