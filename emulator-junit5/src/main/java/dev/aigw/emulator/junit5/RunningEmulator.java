package dev.aigw.emulator.junit5;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.VirtualClock;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An emulator the extension started, kept in the {@link ExtensionContext.Store} of the context it belongs to, so
 * that JUnit closes it when that context ends.
 *
 * <p>Implements {@link ExtensionContext.Store.CloseableResource} besides {@link AutoCloseable} so that JUnit
 * before 5.13, which closes only the former, closes it too (as JUnit's own {@code TempDirectory} does).
 */
@SuppressWarnings("deprecation")
final class RunningEmulator implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final AiGatewayEmulator emulator;
    private final VirtualClock.Mode initialMode;
    private volatile boolean released;

    RunningEmulator(AiGatewayEmulator emulator) {
        this.emulator = emulator;
        this.initialMode = emulator.clock() instanceof VirtualClock virtual ? virtual.getMode() : null;
    }

    AiGatewayEmulator emulator() {
        return emulator;
    }

    /** Empties the emulator's state and puts a virtual clock back in the mode it started in. */
    void prepareForTest() {
        emulator.reset();
        if (initialMode != null) {
            ((VirtualClock) emulator.clock()).setMode(initialMode);
        }
    }

    /** Tells whether JUnit has closed this emulator with the context that held it. */
    boolean released() {
        return released;
    }

    @Override
    public void close() {
        released = true;
        emulator.close();
    }

    @Override
    public String toString() {
        return "RunningEmulator[" + emulator + "]";
    }
}
