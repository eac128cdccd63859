package dev.aigw.emulator.internal.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioWorker;

/**
 * Waits that shutting down must see through: an interrupt does not cut them short, since returning early would
 * leave threads running that the caller was told had ended. Each returns whether it was interrupted, so the
 * caller can restore the flag once every wait is over.
 */
final class Waits {

    private Waits() {
    }

    static boolean awaitTermination(XnioWorker worker) {
        boolean interrupted = false;
        while (true) {
            try {
                worker.awaitTermination();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    static boolean awaitTermination(ExecutorService executor) {
        boolean interrupted = false;
        while (true) {
            try {
                executor.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    static boolean join(Iterable<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        return interrupted;
    }
}
