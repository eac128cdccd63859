package dev.aigw.emulator.internal.recording;

/**
 * Measures real elapsed time while a real upstream answers, for a recording's timing (time to the response head, to
 * each event): the one place in the core, besides the system clock, that reads real time, because that timing
 * belongs to the real provider and not to the emulator's clock. Replay plays it back on the emulator's clock.
 */
public final class RealTimeStopwatch {

    private final long start = System.nanoTime();

    /** Returns the milliseconds of real time since this stopwatch was created. */
    public long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000L;
    }
}
