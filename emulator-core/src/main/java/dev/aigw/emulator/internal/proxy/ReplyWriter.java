package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.xnio.IoUtils;

/**
 * Writes an upstream reply to the client as the gateway relays it: status and provider headers, plus the
 * gateway's headers. A whole body, and a stream whose events are all at hand with no pacing and no cut, go out
 * in one write that never blocks (a stream still chunked, as streams are); a paced stream goes out event by
 * event, flushed as they come and paced on the emulator's clock, a real upstream's chunk by chunk as they
 * arrive, never buffered whole. A scripted break cuts the connection. Only the first two kinds can come from
 * a request that runs on an I/O thread ({@link dev.aigw.emulator.internal.server.Placement}).
 */
public final class ReplyWriter {

    private static final Set<String> NOT_RELAYED = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive");

    /** The most body bytes kept for the log: 10 MB, the real gateway's limit per entry (proxy.md 11). */
    public static final int MAX_CAPTURED_BYTES = 10 * 1024 * 1024;

    private final EmulatorClock clock;

    public ReplyWriter(EmulatorClock clock) {
        this.clock = clock;
    }

    /**
     * Writes the reply; {@code gatewayHeaders} are added after the provider's. Just before the client can see
     * the end of the response (before the last byte of a whole body, before the end of a stream, before a
     * scripted cut), hands what was sent to {@code completing}, so that whatever it records is in place by
     * the time the client has the answer.
     */
    public void write(HttpServerExchange exchange, UpstreamReply reply, AttemptResult.Delivery delivery,
                      Map<String, String> gatewayHeaders, Consumer<WrittenReply> completing)
            throws IOException, InterruptedException {
        exchange.setStatusCode(reply.status());
        HeaderMap response = exchange.getResponseHeaders();
        reply.headers().forEach((name, value) -> {
            if (!NOT_RELAYED.contains(name)) {
                response.put(HeaderNames.of(name), value);
            }
        });
        gatewayHeaders.forEach((name, value) -> response.put(HeaderNames.of(name), value));
        String contentType = reply.headers().get("content-type");
        int breakAfter = delivery.breakAfterEvents();
        if (reply.body() instanceof UpstreamReply.Full full && breakAfter < 0) {
            byte[] bytes = full.bytes();
            response.put(Headers.CONTENT_LENGTH, bytes.length);
            sendWhole(exchange, reply.status(), contentType, bytes, completing);
            return;
        }
        if (reply.body() instanceof UpstreamReply.Stream stream && isUnpaced(delivery)) {
            response.put(Headers.TRANSFER_ENCODING, "chunked");
            sendWhole(exchange, reply.status(), contentType, stream.bytes(), completing);
            return;
        }
        if (exchange.isInIoThread()) {
            throw new IllegalStateException("a paced, cut or relayed reply is written by blocking code, which an I/O "
                    + "thread must not run: Placement sends every request that can produce one to a worker");
        }
        OutputStream out = exchange.getOutputStream();
        Capture capture = new Capture();
        if (reply.body() instanceof UpstreamReply.Full full) {
            byte[] bytes = full.bytes();
            // A scripted cut: half the body, then the connection drops.
            out.write(bytes, 0, bytes.length / 2);
            capture.write(bytes, 0, bytes.length / 2);
            completing.accept(capture.written(reply.status(), contentType, true));
            cut(exchange, out);
            return;
        } else if (reply.body() instanceof UpstreamReply.Stream stream) {
            int sent = 0;
            for (SseEvent event : stream.events()) {
                if (sent == breakAfter) {
                    break;
                }
                clock.sleep(sent == 0 ? delivery.firstEventDelay() : delivery.eventInterval());
                byte[] bytes = event.toBytes();
                out.write(bytes);
                out.flush();
                capture.write(bytes, 0, bytes.length);
                sent++;
            }
            completing.accept(capture.written(reply.status(), contentType, breakAfter >= 0));
            if (breakAfter >= 0) {
                cut(exchange, out);
                return;
            }
        } else if (reply.body() instanceof UpstreamReply.Piped piped) {
            boolean broken = relay(piped.in(), out, breakAfter, capture);
            completing.accept(capture.written(reply.status(), contentType, broken));
            if (broken) {
                cut(exchange, out);
                return;
            }
        }
        out.close();
    }

    private static void sendWhole(HttpServerExchange exchange, int status, String contentType, byte[] bytes,
                                  Consumer<WrittenReply> completing) {
        completing.accept(new WrittenReply(status, contentType, bytes.length > MAX_CAPTURED_BYTES ? null : bytes,
                bytes.length, false));
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }

    private static boolean isUnpaced(AttemptResult.Delivery delivery) {
        return delivery.breakAfterEvents() < 0 && delivery.firstEventDelay().isZero()
                && delivery.eventInterval().isZero();
    }

    /** Copies a real upstream's body as it arrives; returns true once {@code breakAfter} events went out. */
    private static boolean relay(InputStream in, OutputStream out, int breakAfter, Capture capture)
            throws IOException {
        try (in) {
            if (breakAfter == 0) {
                return true;
            }
            byte[] buffer = new byte[8192];
            int events = 0;
            int previous = -1;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    // An event ends at a blank line: "\n\n", or "\r\n\r\n" (carriage returns are skipped).
                    if (buffer[i] == '\n' && previous == '\n' && ++events == breakAfter) {
                        out.write(buffer, 0, i + 1);
                        capture.write(buffer, 0, i + 1);
                        return true;
                    }
                    if (buffer[i] != '\r') {
                        previous = buffer[i];
                    }
                }
                out.write(buffer, 0, n);
                capture.write(buffer, 0, n);
                out.flush();
            }
            return false;
        }
    }

    private static void cut(HttpServerExchange exchange, OutputStream out) throws IOException {
        out.flush();
        IoUtils.safeClose(exchange.getConnection());
    }

    /** Releases a reply that will not be written (a failed attempt before a retry or fallback). */
    public static void discard(UpstreamReply reply) {
        if (reply.body() instanceof UpstreamReply.Piped piped) {
            IoUtils.safeClose(piped.in());
        }
    }

    /** Keeps a copy of the bytes sent, up to {@link #MAX_CAPTURED_BYTES}; beyond that only counts them. */
    private static final class Capture {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private long size;

        void write(byte[] b, int off, int len) {
            size += len;
            if (size <= MAX_CAPTURED_BYTES) {
                bytes.write(b, off, len);
            }
        }

        WrittenReply written(int status, String contentType, boolean cut) {
            return new WrittenReply(status, contentType, size <= MAX_CAPTURED_BYTES ? bytes.toByteArray() : null,
                    size, cut);
        }
    }
}
