package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.RecordedRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Records every upstream attempt, oldest first, keeping at most {@code limit} entries. Thread-safe.
 * {@link #take()} hands entries out once each, like MockWebServer's {@code takeRequest()}.
 */
public final class Journal {

    private final int limit;
    private final Deque<RecordedRequest> all = new ArrayDeque<>();
    private final Deque<RecordedRequest> untaken = new ArrayDeque<>();

    public Journal(int limit) {
        this.limit = limit;
    }

    public synchronized void record(RecordedRequest request) {
        all.addLast(request);
        untaken.addLast(request);
        if (all.size() > limit) {
            RecordedRequest dropped = all.removeFirst();
            if (untaken.peekFirst() == dropped) {
                untaken.removeFirst();
            }
        }
    }

    /** Returns the oldest request not taken yet. */
    public synchronized Optional<RecordedRequest> take() {
        return Optional.ofNullable(untaken.pollFirst());
    }

    /** Returns every recorded request, oldest first. */
    public synchronized List<RecordedRequest> all() {
        return new ArrayList<>(all);
    }

    public synchronized void clear() {
        all.clear();
        untaken.clear();
    }
}
