package dev.aigw.emulator.failures;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits, in real time and bounded, for another thread to reach a state the test can observe. */
final class Eventually {

    private Eventually() {
    }

    static void holds(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition did not hold within " + limit);
            }
            Thread.sleep(2);
        }
    }
}
