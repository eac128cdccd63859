package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.Timeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Keeps the timelines of the latest requests, oldest first, at most {@code limit}. Thread-safe. */
public final class Timelines {

    private final int limit;
    private final Deque<Timeline> timelines = new ArrayDeque<>();

    public Timelines(int limit) {
        this.limit = limit;
    }

    public synchronized void add(Timeline timeline) {
        timelines.addLast(timeline);
        if (timelines.size() > limit) {
            timelines.removeFirst();
        }
    }

    public synchronized List<Timeline> all() {
        return new ArrayList<>(timelines);
    }

    public synchronized void clear() {
        timelines.clear();
    }
}
