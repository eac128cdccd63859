package dev.aigw.emulator.internal.server;

import dev.aigw.emulator.internal.api.RequestBodies;
import dev.aigw.emulator.internal.util.Logs;
import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * The first stage of every surface: reads the request's whole body as it arrives, without blocking, on the I/O
 * thread (whatever its length or transfer coding), keeps it for later readers ({@link RequestBodies}), then runs
 * the rest of the chain. The buffer grows with what arrives, never with what is declared. A body over the limit
 * is drained, up to {@value #DRAIN_FACTOR} times the limit, so that the client reads the 413 that the first
 * handler to read the body answers, instead of a reset.
 *
 * <p>A body that has not arrived whole within the read timeout loses its connection: reading holds no thread, but a
 * client that trickles its body (or stops sending it) would otherwise hold its connection and buffer forever.
 */
public final class RequestBodyHandler implements HttpHandler {

    private static final Logger LOG = Logs.getLogger(RequestBodyHandler.class);

    private static final byte[] NO_BODY = new byte[0];
    private static final int FIRST_CAPACITY = 8 * 1024;
    private static final long DRAIN_FACTOR = 16;

    private final long maxBodyBytes;
    private final Duration readTimeout;
    private final HttpHandler next;

    public RequestBodyHandler(long maxBodyBytes, Duration readTimeout, HttpHandler next) {
        this.maxBodyBytes = maxBodyBytes;
        this.readTimeout = readTimeout;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (RequestBodies.declaresNone(exchange)) {
            RequestBodies.attach(exchange, NO_BODY);
            next.handleRequest(exchange);
            return;
        }
        Collector collector = new Collector(exchange.getRequestContentLength());
        // Real time, and the one place the core waits on it: the network is not virtual, so the emulator's clock
        // (which a test may hold still) cannot time a client out. The timer is XNIO's, on the connection's own I/O
        // thread, where the body's pieces arrive too: the deadline and the last piece never race.
        try {
            collector.deadline = exchange.getIoThread().executeAfter(() -> collector.expire(exchange),
                    readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The I/O thread is stopping: the emulator is closing, and nobody will read this body.
            LOG.debug("Closing: dropping {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e);
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        exchange.getRequestReceiver().receivePartialBytes(collector, (failed, e) -> {
            collector.deadline.remove();
            LOG.debug("Could not read the body of {} {}", failed.getRequestMethod(), failed.getRequestPath(), e);
            IoUtils.safeClose(failed.getConnection());
        });
    }

    /** Gathers one body's pieces as Undertow hands them over, then runs the chain once. */
    private final class Collector implements Receiver.PartialBytesCallback {

        private byte[] buffer;
        private int size;
        private long received;
        private XnioExecutor.Key deadline;

        Collector(long declaredLength) {
            long expected = declaredLength > 0 ? Math.min(declaredLength, maxBodyBytes) : FIRST_CAPACITY;
            buffer = new byte[(int) Math.min(expected, FIRST_CAPACITY)];
        }

        @Override
        public void handle(HttpServerExchange exchange, byte[] piece, boolean last) {
            if (buffer == null) {
                return;
            }
            received += piece.length;
            boolean tooLarge = received > maxBodyBytes;
            if (!tooLarge) {
                append(piece);
            }
            boolean drained = received > maxBodyBytes * DRAIN_FACTOR;
            if (!last && !drained) {
                return;
            }
            deadline.remove();
            if (drained) {
                exchange.getRequestReceiver().pause();
            }
            if (tooLarge) {
                RequestBodies.attachTooLarge(exchange, maxBodyBytes);
            } else {
                RequestBodies.attach(exchange, size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
            }
            buffer = null;
            try {
                next.handleRequest(exchange);
            } catch (Exception e) {
                // The chain answers every failure itself (it starts with an error boundary): this is a lost client.
                LOG.debug("Connection lost serving {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e);
                IoUtils.safeClose(exchange.getConnection());
            }
        }

        /** Drops the connection of a body still arriving when its time is up. */
        void expire(HttpServerExchange exchange) {
            if (buffer == null) {
                return;
            }
            buffer = null;
            LOG.debug("The body of {} {} did not arrive within {}: closing the connection", exchange.getRequestMethod(),
                    exchange.getRequestPath(), readTimeout);
            IoUtils.safeClose(exchange.getConnection());
        }

        private void append(byte[] piece) {
            if (size + piece.length > buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(maxBodyBytes, Math.max(size + piece.length, 2L * buffer.length)));
            }
            System.arraycopy(piece, 0, buffer, size, piece.length);
            size += piece.length;
        }
    }

    @Override
    public String toString() {
        return "request-body -> " + next;
    }
}
