package dev.aigw.emulator.junit5;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockMode;
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
    private final boolean failOnLeftoverScripts;
    private final boolean failOnReplyProblems;
    private final ClockMode initialMode;
    private volatile boolean released;

    RunningEmulator(AiGatewayEmulator emulator, boolean failOnLeftoverScripts, boolean failOnReplyProblems) {
        this.emulator = emulator;
        this.failOnLeftoverScripts = failOnLeftoverScripts;
        this.failOnReplyProblems = failOnReplyProblems;
        this.initialMode = emulator.clock() instanceof VirtualClock virtual ? virtual.mode() : null;
    }

    AiGatewayEmulator emulator() {
        return emulator;
    }

    /** Empties the emulator's state and puts a virtual clock back in the mode it started in. */
    void prepareForTest() {
        emulator.reset();
        if (initialMode != null) {
            emulator.clock().setMode(initialMode);
        }
    }

    /**
     * Fails, listing them, if the test that just ran left scripted responses unused, unless the extension was told
     * not to, or if its requests met reply problems, unless told not to either. The emulator is the test's own (reset
     * before it, never shared with a concurrent test), so every step queued on it and every problem is the test's.
     */
    void verifyAfterTest() {
        if (failOnLeftoverScripts) {
            try {
                emulator.verifyNoLeftoverScripts();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nto let tests end with unused scripts, use"
                        + " @AiGatewayTest(failOnLeftoverScripts = false) or AiGatewayExtension.builder()"
                        + ".failOnLeftoverScripts(false)", e);
            }
        }
        if (failOnReplyProblems) {
            try {
                emulator.verifyReplies();
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nto let tests end with reply problems (a test that expects"
                        + " a strict-mode 400, say), use @AiGatewayTest(failOnReplyProblems = false) or"
                        + " AiGatewayExtension.builder().failOnReplyProblems(false)", e);
            }
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
