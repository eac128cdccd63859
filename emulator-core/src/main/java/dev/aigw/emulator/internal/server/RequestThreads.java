package dev.aigw.emulator.internal.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads of one emulator, where requests that may block run. It is the emulator's own pool, not
 * XNIO's, so that shutting down can wait until each of its threads has ended: an executor reports itself
 * terminated a moment before its last threads are gone.
 */
final class RequestThreads extends ThreadPoolExecutor {

    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    RequestThreads(String name, int size) {
        super(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        AtomicInteger count = new AtomicInteger();
        setThreadFactory(task -> {
            Thread thread = new Thread(task, name + " task-" + count.incrementAndGet());
            // Not isAlive(): a thread another submitter has just made is not alive yet either.
            threads.removeIf(old -> old.getState() == Thread.State.TERMINATED);
            threads.add(thread);
            return thread;
        });
    }

    /**
     * Lets queued and running requests finish, then waits until every thread of the pool has ended; returns
     * whether the wait was interrupted (it goes on regardless).
     */
    boolean shutDownAndJoin() {
        shutdown();
        boolean interrupted = Waits.uninterruptibly(() -> awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS));
        return Waits.join(threads) | interrupted;
    }
}
