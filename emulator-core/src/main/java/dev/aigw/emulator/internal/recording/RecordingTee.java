package dev.aigw.emulator.internal.recording;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Passes a real upstream's body through as it arrives while keeping a copy, and the real time each event ended at;
 * once the body ends it hands both on to be written. A body cut off before its end is not recorded.
 */
final class RecordingTee extends BlockInput {

    private final InputStream in;
    private final RealTimeStopwatch stopwatch;
    private final long headMillis;
    private final BiConsumer<byte[], List<Long>> ended;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private final EventBoundaries boundaries = new EventBoundaries();
    private final List<Long> eventTimes = new ArrayList<>();
    private boolean done;

    RecordingTee(InputStream in, RealTimeStopwatch stopwatch, long headMillis, BiConsumer<byte[], List<Long>> ended) {
        this.in = in;
        this.stopwatch = stopwatch;
        this.headMillis = headMillis;
        this.ended = ended;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            end();
            return n;
        }
        copy.write(b, off, n);
        int events = boundaries.feed(b, off, n);
        long at = stopwatch.elapsedMillis() - headMillis;
        for (int i = 0; i < events; i++) {
            eventTimes.add(at);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void end() {
        if (!done) {
            done = true;
            eventTimes.add(stopwatch.elapsedMillis() - headMillis);
            ended.accept(copy.toByteArray(), List.copyOf(eventTimes));
        }
    }
}
