package dev.aigw.emulator.internal.server;

import dev.aigw.emulator.internal.api.ApiException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a request body once, within a size limit, and keeps it on the exchange for later readers. */
public final class RequestBodies {

    private static final Logger LOG = LoggerFactory.getLogger(RequestBodies.class);

    private static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);

    /** How much of an oversized body is drained so that the client reads the 413 instead of a reset. */
    private static final long DRAIN_FACTOR = 16;

    private RequestBodies() {
    }

    /** Tells whether a request declares no body: no length (or 0) and no chunked transfer. */
    public static boolean declaresNone(HttpServerExchange exchange) {
        return exchange.getRequestContentLength() <= 0 && !isChunked(exchange);
    }

    /** Tells whether a request's body comes chunked, its length unknown until its end. */
    public static boolean isChunked(HttpServerExchange exchange) {
        return exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    }

    /** Keeps a body that was read elsewhere (without blocking) for {@link #read}. */
    public static void attach(HttpServerExchange exchange, byte[] body) {
        exchange.putAttachment(BODY, body);
    }

    /** Returns the whole body (empty if none); throws a 413 {@link ApiException} above {@code limit} bytes. */
    public static byte[] read(HttpServerExchange exchange, long limit) {
        byte[] cached = exchange.getAttachment(BODY);
        if (cached != null) {
            return cached;
        }
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        try {
            InputStream in = exchange.getInputStream();
            long declared = exchange.getRequestContentLength();
            if (declared > limit) {
                drain(in, limit);
                throw ApiException.bodyTooLarge(limit);
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                drain(in, limit);
                throw ApiException.bodyTooLarge(limit);
            }
            exchange.putAttachment(BODY, body);
            return body;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not read the request body", e);
        }
    }

    private static void drain(InputStream in, long limit) {
        byte[] buffer = new byte[8192];
        long left = limit * DRAIN_FACTOR;
        try {
            int n;
            while (left > 0 && (n = in.read(buffer)) >= 0) {
                left -= n;
            }
        } catch (IOException e) {
            // The client goes away or sends far too much: it sees the connection close, not the 413.
            LOG.debug("Stopped draining a request body over the limit", e);
        }
    }
}
