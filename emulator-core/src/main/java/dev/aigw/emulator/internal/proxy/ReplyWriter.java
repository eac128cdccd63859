package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;
import org.xnio.IoUtils;

/**
 * Writes an upstream reply to the client as the gateway relays it: status and provider headers, plus the
 * gateway's headers; streams go out event by event (or chunk by chunk from a real upstream), flushed as
 * they come and paced on the emulator's clock, never buffered whole. A scripted break cuts the connection.
 */
public final class ReplyWriter {

    private static final Set<String> NOT_RELAYED = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive");

    private final EmulatorClock clock;

    public ReplyWriter(EmulatorClock clock) {
        this.clock = clock;
    }

    /** Writes the reply; {@code gatewayHeaders} are added after the provider's. Returns whether it was cut. */
    public boolean write(HttpServerExchange exchange, UpstreamReply reply, AttemptResult.Delivery delivery,
                         Map<String, String> gatewayHeaders) throws IOException, InterruptedException {
        exchange.setStatusCode(reply.status());
        reply.headers().forEach((name, value) -> {
            if (!NOT_RELAYED.contains(name)) {
                exchange.getResponseHeaders().put(HttpString.tryFromString(name), value);
            }
        });
        gatewayHeaders.forEach((name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
        int breakAfter = delivery.breakAfterEvents();
        OutputStream out = exchange.getOutputStream();
        if (reply.body() instanceof UpstreamReply.Full full) {
            if (breakAfter >= 0) {
                out.write(full.bytes(), 0, full.bytes().length / 2);
                return cut(exchange, out);
            }
            exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, full.bytes().length);
            out.write(full.bytes());
        } else if (reply.body() instanceof UpstreamReply.Stream stream) {
            int sent = 0;
            for (SseEvent event : stream.events()) {
                if (sent == breakAfter) {
                    return cut(exchange, out);
                }
                clock.sleep(sent == 0 ? delivery.firstEventDelay() : delivery.eventInterval());
                out.write(event.toBytes());
                out.flush();
                sent++;
            }
            if (breakAfter >= 0) {
                return cut(exchange, out);
            }
        } else if (reply.body() instanceof UpstreamReply.Piped piped) {
            if (relay(piped.in(), out, breakAfter)) {
                return cut(exchange, out);
            }
        }
        out.close();
        return false;
    }

    /** Copies a real upstream's body as it arrives; returns true once {@code breakAfter} events went out. */
    private static boolean relay(InputStream in, OutputStream out, int breakAfter) throws IOException {
        try (in) {
            byte[] buffer = new byte[8192];
            int events = 0;
            int previous = -1;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    out.write(buffer[i]);
                    if (buffer[i] == '\n' && previous == '\n' && ++events == breakAfter) {
                        return true;
                    }
                    previous = buffer[i];
                }
                out.flush();
            }
            return breakAfter == 0;
        }
    }

    private static boolean cut(HttpServerExchange exchange, OutputStream out) throws IOException {
        out.flush();
        IoUtils.safeClose(exchange.getConnection());
        return true;
    }

    /** Releases a reply that will not be written (a failed attempt before a retry or fallback). */
    public static void discard(UpstreamReply reply) {
        if (reply.body() instanceof UpstreamReply.Piped piped) {
            IoUtils.safeClose(piped.in());
        }
    }
}
