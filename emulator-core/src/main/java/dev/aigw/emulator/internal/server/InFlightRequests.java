package dev.aigw.emulator.internal.server;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Knows the threads serving requests that may wait on the clock (hangs, backoffs), so that closing the
 * emulator can interrupt them: Undertow's stop waits for its worker threads, and a hung request would
 * otherwise hold it forever.
 */
public final class InFlightRequests {

    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    /** Wraps a handler so that the threads running it are known while they run. */
    public HttpHandler around(HttpHandler next) {
        return new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange exchange) throws Exception {
                Thread current = Thread.currentThread();
                threads.add(current);
                if (closing) {
                    current.interrupt();
                }
                try {
                    next.handleRequest(exchange);
                } finally {
                    threads.remove(current);
                    Thread.interrupted();
                }
            }

            @Override
            public String toString() {
                return "in-flight -> " + next;
            }
        };
    }

    /** Interrupts every running request, and every one that starts from now on. */
    public void interruptAll() {
        closing = true;
        threads.forEach(Thread::interrupt);
    }
}
