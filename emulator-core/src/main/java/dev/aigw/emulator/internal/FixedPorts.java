package dev.aigw.emulator.internal;

import dev.aigw.emulator.AiGatewayEmulator;

/**
 * The build's guard against tests that listen on a fixed port, which fail at random once another process holds it:
 * with the system property {@value #REFUSE_PROPERTY} set to {@code true} (the parent POM's surefire configuration
 * sets it for every module's tests), an emulator refuses to start on a port other than 0 unless its builder was
 * opted in with {@link #allow}. The opt-in is not public API: users choose their ports freely.
 * The opt-in goes through {@link BuilderAccess}, which {@link AiGatewayEmulator.Builder} installs.
 */
public final class FixedPorts {

    /** The system property that, set to {@code true}, makes emulators refuse fixed ports. */
    public static final String REFUSE_PROPERTY = "aigw.emulator.refuseFixedPorts";

    private FixedPorts() {
    }

    /** Lets the emulator {@code builder} builds start on a fixed port even where they are refused; returns it. */
    public static AiGatewayEmulator.Builder allow(AiGatewayEmulator.Builder builder) {
        return BuilderAccess.allowFixedPort(builder);
    }

    /** Throws if {@code port} is fixed, fixed ports are refused, and the emulator was not opted in. */
    public static void check(int port, boolean allowed) {
        if (port != 0 && !allowed && Boolean.getBoolean(REFUSE_PROPERTY)) {
            throw new IllegalStateException("this emulator would listen on the fixed port " + port + ", which this"
                    + " test run refuses (" + REFUSE_PROPERTY + "=true, set by the build's surefire configuration):"
                    + " a fixed port fails at random once another process holds it; use port 0, the builder's"
                    + " default, and read the port from baseUrl(), or opt a test that must fix its port in with"
                    + " FixedPorts.allow(builder)");
        }
    }
}
