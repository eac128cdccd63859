package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.RecordedRequest;
import dev.aigw.emulator.UpstreamCredential;
import dev.aigw.emulator.internal.byok.StoredProviderConfig;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records every upstream attempt, oldest first, keeping at most {@code limit} entries. Thread-safe.
 * {@link #take()} hands entries out once each, like MockWebServer's {@code takeRequest()}; {@link #take(Duration)}
 * waits for one, on real time.
 */
public final class Journal {

    private static final Pattern BEARER = Pattern.compile("((?i:bearer)\\s+)(.*)");
    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    private final int limit;
    private final boolean redactCredentials;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();
    private final Deque<RecordedRequest> all = new ArrayDeque<>();
    private final Deque<RecordedRequest> untaken = new ArrayDeque<>();

    public Journal(int limit) {
        this(limit, false);
    }

    /**
     * A journal that, with {@code redactCredentials} (option {@code journal.redact_credentials},
     * management-api-2.md 2.4), records a key that went upstream as its preview.
     */
    public Journal(int limit, boolean redactCredentials) {
        this.limit = limit;
        this.redactCredentials = redactCredentials;
    }

    /**
     * Returns the headers to record for an attempt: as sent, or with the key of a stored or request credential in
     * the header {@code credentialHeader} replaced by its preview ({@code Bearer sk-...abcd}) when this journal
     * redacts credentials.
     */
    public Map<String, List<String>> recordable(Map<String, List<String>> headers, String credentialHeader,
                                                UpstreamCredential credential) {
        if (!redactCredentials || credential == null || !headers.containsKey(credentialHeader)
                || (credential.source() != UpstreamCredential.Source.BYOK
                && credential.source() != UpstreamCredential.Source.REQUEST)) {
            return headers;
        }
        Map<String, List<String>> redacted = new LinkedHashMap<>(headers);
        redacted.put(credentialHeader, headers.get(credentialHeader).stream().map(Journal::preview).toList());
        return redacted;
    }

    private static String preview(String value) {
        Matcher bearer = BEARER.matcher(value);
        return bearer.matches() ? bearer.group(1) + StoredProviderConfig.preview(bearer.group(2))
                : StoredProviderConfig.preview(value);
    }

    public void record(RecordedRequest request) {
        lock.lock();
        try {
            all.addLast(request);
            untaken.addLast(request);
            if (all.size() > limit) {
                RecordedRequest dropped = all.removeFirst();
                if (untaken.peekFirst() == dropped) {
                    untaken.removeFirst();
                }
            }
            recorded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Returns the oldest request not taken yet. */
    public Optional<RecordedRequest> take() {
        lock.lock();
        try {
            return Optional.ofNullable(untaken.pollFirst());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns the oldest request not taken yet, waiting for one at most {@code realTimeout} of real time (a test
     * waiting for a client on another thread); empty if none came.
     */
    public Optional<RecordedRequest> take(Duration realTimeout) throws InterruptedException {
        lock.lock();
        try {
            long nanos = realTimeout.compareTo(LONGEST) >= 0 ? Long.MAX_VALUE : realTimeout.toNanos();
            while (untaken.isEmpty() && nanos > 0) {
                nanos = recorded.awaitNanos(nanos);
            }
            return Optional.ofNullable(untaken.pollFirst());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Says that no untaken request was there to take, at once ({@code realTimeout} null) or within a real-time
     * timeout, in the words of the Java API and of the control API alike.
     */
    public static String nothingToTake(Duration realTimeout, int recorded) {
        return realTimeout == null
                ? "no untaken request has reached an upstream; recorded so far: " + recorded
                : "no untaken request reached an upstream within " + realTimeout + " (real time); recorded so far: "
                        + recorded;
    }

    /** Returns every recorded request, oldest first. */
    public List<RecordedRequest> all() {
        lock.lock();
        try {
            return new ArrayList<>(all);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every request. */
    public void clear() {
        lock.lock();
        try {
            all.clear();
            untaken.clear();
        } finally {
            lock.unlock();
        }
    }
}
