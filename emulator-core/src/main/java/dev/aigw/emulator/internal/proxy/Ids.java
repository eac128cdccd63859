package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import java.util.UUID;
import java.util.SplittableRandom;

/**
 * Makes the gateway's request and log ids: lowercase UUIDv7 whose time part comes from the emulator's
 * clock, as the real gateway's ids have since 2026-10. Thread-safe.
 */
public final class Ids {

    private final EmulatorClock clock;
    private final SplittableRandom random = new SplittableRandom();

    public Ids(EmulatorClock clock) {
        this.clock = clock;
    }

    /** Returns a new UUIDv7 string. */
    public String next() {
        long millis = clock.now().toEpochMilli();
        long randA;
        long randB;
        synchronized (random) {
            randA = random.nextLong();
            randB = random.nextLong();
        }
        long high = (millis << 16) | 0x7000L | (randA & 0x0FFFL);
        long low = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
