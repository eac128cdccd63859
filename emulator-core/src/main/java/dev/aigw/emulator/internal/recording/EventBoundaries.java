package dev.aigw.emulator.internal.recording;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where the events of a server-sent event stream end (a blank line; carriage returns skipped) as bytes arrive,
 * so that a recording knows when each event came, and splits the whole stream into the same events afterwards.
 * Not thread-safe: one stream's reader feeds it.
 */
final class EventBoundaries {

    private int previous = -1;

    /** Feeds bytes; returns how many events ended in them. */
    int feed(byte[] bytes, int offset, int length) {
        int ended = 0;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n' && previous == '\n') {
                ended++;
                previous = -1;
                continue;
            }
            if (bytes[i] != '\r') {
                previous = bytes[i];
            }
        }
        return ended;
    }

    /**
     * One event of a stream: the index of its block (for its time), its name or {@code null}, its data lines joined.
     */
    record Parsed(int block, String name, String data) {
    }

    /** Splits a whole stream into its events with data; comments and empty blocks are left out. */
    static List<Parsed> parse(byte[] stream) {
        List<String> blocks = blocks(stream);
        List<Parsed> events = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String name = null;
            StringBuilder data = new StringBuilder();
            boolean hasData = false;
            for (String line : blocks.get(i).split("\r?\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(hasData ? "\n" : "").append(line.substring(line.startsWith("data: ") ? 6 : 5));
                    hasData = true;
                }
            }
            if (hasData) {
                events.add(new Parsed(i, name, data.toString()));
            }
        }
        return events;
    }

    /** Splits a whole stream into its event blocks' text, each without its closing blank line, a last one included. */
    static List<String> blocks(byte[] stream) {
        List<String> blocks = new ArrayList<>();
        EventBoundaries boundaries = new EventBoundaries();
        int start = 0;
        for (int i = 0; i < stream.length; i++) {
            if (boundaries.feed(stream, i, 1) == 1) {
                blocks.add(new String(stream, start, i + 1 - start, java.nio.charset.StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < stream.length && !new String(stream, start, stream.length - start,
                java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            blocks.add(new String(stream, start, stream.length - start, java.nio.charset.StandardCharsets.UTF_8));
        }
        return blocks;
    }
}
