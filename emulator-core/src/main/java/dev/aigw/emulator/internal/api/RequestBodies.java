package dev.aigw.emulator.internal.api;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;

/**
 * Keeps a request's body on its exchange once it has been read (by the server's body-reading stage, before any
 * handler of a surface runs), so that every later reader gets the same bytes without touching the connection.
 */
public final class RequestBodies {

    private static final AttachmentKey<Body> BODY = AttachmentKey.create(Body.class);

    private static final byte[] NONE = new byte[0];

    /** What was read: the bytes, or, for a body over the limit, only the limit it broke. */
    private record Body(byte[] bytes, long exceededLimit) {
    }

    private RequestBodies() {
    }

    /** Tells whether a request declares no body: no length (or 0) and no chunked transfer. */
    public static boolean declaresNone(HttpServerExchange exchange) {
        return exchange.getRequestContentLength() <= 0 && !exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    }

    /** Keeps the whole body of a request. */
    public static void attach(HttpServerExchange exchange, byte[] body) {
        exchange.putAttachment(BODY, new Body(body, -1));
    }

    /** Keeps the fact that a request's body was larger than {@code limit} bytes. */
    public static void attachTooLarge(HttpServerExchange exchange, long limit) {
        exchange.putAttachment(BODY, new Body(NONE, limit));
    }

    /** Returns the whole body (empty if none); throws a 413 {@link ApiException} if it was over the limit. */
    public static byte[] read(HttpServerExchange exchange) {
        Body body = exchange.getAttachment(BODY);
        if (body == null) {
            throw new IllegalStateException("the body of " + exchange.getRequestPath() + " was never read: every "
                    + "surface's chain starts with the server's body-reading stage");
        }
        if (body.exceededLimit() >= 0) {
            throw ApiException.bodyTooLarge(body.exceededLimit());
        }
        return body.bytes();
    }
}
