package dev.aigw.emulator.internal.provider;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * What an upstream answers: a status, headers and either a whole body or a stream of events. The proxy
 * writes it to the client (pacing streams on the emulator's clock).
 *
 * @param status the HTTP status, a final one (200 to 599): the client is never sent a 1xx as its answer
 * @param headers response headers (names in lower case), {@code content-type} included
 * @param body the body
 */
public record UpstreamReply(int status, Map<String, String> headers, Body body) {

    /** Refuses a status that is not a final one and copies the headers. */
    public UpstreamReply {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("an upstream reply needs a final status from 200 to 599, got " + status
                    + ": whoever reads the upstream turns any other into a failed attempt");
        }
        headers = Map.copyOf(headers);
    }

    /** Tells whether the status is a success (2xx). */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body of a reply. */
    public sealed interface Body {
    }

    /** A complete body. */
    public record Full(byte[] bytes) implements Body {
    }

    /** A body read from a real upstream as it arrives, relayed chunk by chunk; the reader closes it. */
    public record Piped(java.io.InputStream in) implements Body {
    }

    /** A server-sent event stream ({@code content-type: text/event-stream}). */
    public record Stream(List<SseEvent> events) implements Body {
        public Stream {
            events = List.copyOf(events);
        }

        /** Returns the events as they go on the wire, one after the other. */
        public byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (SseEvent event : events) {
                out.writeBytes(event.toBytes());
            }
            return out.toByteArray();
        }
    }
}
