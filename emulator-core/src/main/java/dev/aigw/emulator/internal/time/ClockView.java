package dev.aigw.emulator.internal.time;

import dev.aigw.emulator.EmulatorClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Presents an {@link EmulatorClock} as a {@link java.time.Clock}. */
public final class ClockView extends Clock {

    private final EmulatorClock clock;
    private final ZoneId zone;

    public ClockView(EmulatorClock clock) {
        this(clock, ZoneOffset.UTC);
    }

    private ClockView(EmulatorClock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ClockView(clock, zone);
    }

    @Override
    public Instant instant() {
        return clock.now();
    }
}
