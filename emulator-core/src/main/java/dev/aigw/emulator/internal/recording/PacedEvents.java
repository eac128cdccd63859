package dev.aigw.emulator.internal.recording;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A recorded stream played back as a body that arrives event by event, each after its recorded gap on the
 * emulator's clock: a recorded 2.3 s to the first event takes 2.3 s of virtual time and no real time.
 */
final class PacedEvents extends BlockInput {

    private final EmulatorClock clock;
    private final List<Exchange.TimedEvent> events;
    private int next;
    private long previousAt;
    private byte[] current = new byte[0];
    private int position;

    PacedEvents(EmulatorClock clock, List<Exchange.TimedEvent> events) {
        this.clock = clock;
        this.events = events;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == current.length) {
            if (next == events.size()) {
                return -1;
            }
            Exchange.TimedEvent event = events.get(next++);
            try {
                clock.sleep(Duration.ofMillis(event.atMillis() - previousAt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException stopped = new InterruptedIOException("the replay was interrupted");
                stopped.initCause(e);
                throw stopped;
            }
            previousAt = event.atMillis();
            current = wire(event);
            position = 0;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    /** Returns an event as it goes on the wire: its name, its data a line at a time, a blank line. */
    static byte[] wire(Exchange.TimedEvent event) {
        StringBuilder text = new StringBuilder();
        if (event.event() != null) {
            text.append("event: ").append(event.event()).append('\n');
        }
        for (String line : data(event.data()).split("\n", -1)) {
            text.append("data: ").append(line).append('\n');
        }
        return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Returns an event's data as text: a JSON object or array compact, anything else as recorded. */
    static String data(JsonNode data) {
        return data.isContainerNode() ? Json.text(data) : data.asText();
    }
}
