package dev.aigw.emulator.internal.server;

import dev.aigw.emulator.internal.util.Logs;
import org.slf4j.Logger;

/**
 * Waits that shutting down must see through: an interrupt does not cut them short, since returning early would
 * leave threads running that the caller was told had ended. Each returns whether it was interrupted, so the
 * caller can restore the flag once every wait is over.
 */
final class Waits {

    private static final Logger LOG = Logs.getLogger(Waits.class);

    /** A wait that an interrupt can end early. */
    interface Wait {
        void await() throws InterruptedException;
    }

    private Waits() {
    }

    /** Waits until {@code wait} completes, however often interrupted; returns whether it was. */
    static boolean uninterruptibly(Wait wait) {
        boolean interrupted = false;
        while (true) {
            try {
                wait.await();
                return interrupted;
            } catch (InterruptedException e) {
                LOG.debug("Interrupted while waiting for the server to stop; waiting on, the interrupt kept", e);
                interrupted = true;
            }
        }
    }

    /** Waits until every thread has ended, however often interrupted; returns whether it was. */
    static boolean join(Iterable<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            interrupted |= uninterruptibly(thread::join);
        }
        return interrupted;
    }
}
