package dev.aigw.emulator.internal.provider;

import java.nio.charset.StandardCharsets;

/**
 * One server-sent event: an optional {@code event:} name and its {@code data:} payload.
 *
 * @param event the event name, or {@code null} for a data-only event (OpenAI, Workers AI, Google)
 * @param data the payload, one line (JSON or a marker such as {@code [DONE]})
 */
public record SseEvent(String event, String data) {

    /** Renders the event as it goes on the wire, blank line included. */
    public byte[] toBytes() {
        String text = (event == null ? "" : "event: " + event + "\n") + "data: " + data + "\n\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
