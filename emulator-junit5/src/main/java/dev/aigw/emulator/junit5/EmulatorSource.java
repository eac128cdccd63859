package dev.aigw.emulator.junit5;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Decides which emulator a JUnit context sees and where it lives: per annotated class for {@link AiGatewayTest},
 * per extension object for {@link AiGatewayExtension#builder()}.
 */
sealed interface EmulatorSource permits DeclaredEmulators, RegisteredEmulator {

    /** The namespace of every value the extension keeps in JUnit's stores. */
    ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AiGatewayExtension.class);

    /** Returns the emulator for a class or method context, starting it if none is running yet. */
    RunningEmulator emulatorFor(ExtensionContext context);

    /** Checks the configuration before the tests of a class run. */
    void beforeAll(ExtensionContext classContext);

    /** Returns the emulator a test is about to run against, after checking that the test may use it. */
    RunningEmulator beforeEach(ExtensionContext methodContext);

    /**
     * Tells whether a context is a test (or a test's lifecycle method) that JUnit may run alongside others: its
     * execution mode is {@code CONCURRENT} and parallel execution is enabled.
     */
    static boolean runsConcurrently(ExtensionContext context) {
        return context.getTestMethod().isPresent()
                && context.getExecutionMode() == ExecutionMode.CONCURRENT
                && context.getConfigurationParameter("junit.jupiter.execution.parallel.enabled", Boolean::parseBoolean)
                        .orElse(false);
    }

    /** Returns the class context a context belongs to (itself for a class context). */
    static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
