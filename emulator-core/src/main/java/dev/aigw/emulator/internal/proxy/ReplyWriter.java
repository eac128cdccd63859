package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;

/**
 * Writes an upstream reply to the client as the gateway relays it: status and provider headers, plus the
 * gateway's headers; streams go out event by event (or chunk by chunk from a real upstream), flushed as
 * they come, never buffered whole.
 */
public final class ReplyWriter {

    private static final Set<String> NOT_RELAYED = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive");

    private ReplyWriter() {
    }

    /** Writes the reply; {@code gatewayHeaders} are added after the provider's. */
    public static void write(HttpServerExchange exchange, UpstreamReply reply, Map<String, String> gatewayHeaders)
            throws IOException {
        exchange.setStatusCode(reply.status());
        reply.headers().forEach((name, value) -> {
            if (!NOT_RELAYED.contains(name)) {
                exchange.getResponseHeaders().put(HttpString.tryFromString(name), value);
            }
        });
        gatewayHeaders.forEach((name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
        if (reply.body() instanceof UpstreamReply.Full full) {
            exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_LENGTH, full.bytes().length);
            try (OutputStream out = exchange.getOutputStream()) {
                out.write(full.bytes());
            }
        } else if (reply.body() instanceof UpstreamReply.Stream stream) {
            try (OutputStream out = exchange.getOutputStream()) {
                for (SseEvent event : stream.events()) {
                    out.write(event.toBytes());
                    out.flush();
                }
            }
        } else if (reply.body() instanceof UpstreamReply.Piped piped) {
            try (InputStream in = piped.in(); OutputStream out = exchange.getOutputStream()) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        }
    }

    /** Releases a reply that will not be written (a failed step before a fallback). */
    public static void discard(UpstreamReply reply) {
        if (reply.body() instanceof UpstreamReply.Piped piped) {
            try {
                piped.in().close();
            } catch (IOException e) {
                // Nothing to release beyond the closed stream.
            }
        }
    }
}
