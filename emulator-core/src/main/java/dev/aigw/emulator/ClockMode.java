package dev.aigw.emulator;

/**
 * Names how an emulator's clock behaves, in-process and over HTTP alike; the control API spells each constant in
 * lower case ({@code system}, {@code auto}, {@code manual}).
 */
public enum ClockMode {

    /** Real time: it cannot be switched or advanced ({@link EmulatorClock#system()}). */
    SYSTEM,

    /** Virtual time in which a wait jumps time to its end at once (a {@link VirtualClock}'s default). */
    AUTO,

    /** Virtual time in which a wait blocks until the test {@link ClockControl#advance advances} time past its end. */
    MANUAL
}
