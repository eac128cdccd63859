package dev.aigw.emulator.junit5;

import dev.aigw.emulator.AiGatewayEmulator;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one emulator of an extension object registered with {@code @RegisterExtension}: started at the first
 * callback, kept in the store of the class (static field, or {@code PER_CLASS} instance) or of the test
 * (instance field of a {@code PER_METHOD} class), and started again for the next user once JUnit has closed it.
 */
final class RegisteredEmulator implements EmulatorSource {

    private final Recipe recipe;
    private RunningEmulator current;
    private ExtensionContext home;

    RegisteredEmulator(Recipe recipe) {
        this.recipe = recipe;
    }

    @Override
    public synchronized RunningEmulator emulatorFor(ExtensionContext context) {
        if (current != null && !current.released()) {
            if (!context.getUniqueId().startsWith(home.getUniqueId())) {
                throw new ExtensionConfigurationException("this AiGatewayExtension already serves '"
                        + home.getDisplayName() + "', which is still running, so '" + context.getDisplayName()
                        + "' cannot share its emulator; give each test class its own extension field instead of"
                        + " inheriting one from a common superclass, or run those classes one after the other");
            }
            return current;
        }
        ExtensionContext newHome = homeFor(context);
        RunningEmulator started = recipe.start();
        newHome.getStore(NAMESPACE).put(this, started);
        current = started;
        home = newHome;
        return started;
    }

    @Override
    public void beforeAll(ExtensionContext classContext) {
        emulatorFor(classContext);
    }

    @Override
    public synchronized RunningEmulator beforeEach(ExtensionContext methodContext) {
        RunningEmulator running = emulatorFor(methodContext);
        if (EmulatorSource.runsConcurrently(methodContext) && !home.getUniqueId().equals(methodContext.getUniqueId())) {
            throw new ExtensionConfigurationException("this AiGatewayExtension holds one emulator for all of '"
                    + home.getDisplayName() + "' (a static field, or an instance field with"
                    + " @TestInstance(PER_CLASS)), but '" + methodContext.getDisplayName() + "' runs concurrently with"
                    + " other tests, which would reset and script the same emulator; register the extension on an"
                    + " instance field of a PER_METHOD test class (one emulator per test), use @AiGatewayTest (one"
                    + " emulator per concurrent test), or run the class with @Execution(ExecutionMode.SAME_THREAD)");
        }
        return running;
    }

    /** Returns the running emulator for code outside JUnit's callbacks, such as a test calling the extension. */
    synchronized AiGatewayEmulator emulator() {
        if (current == null) {
            throw new IllegalStateException("this AiGatewayExtension has not started its emulator yet: it starts before"
                    + " the first test of the class that registers it with @RegisterExtension; call emulator() from a"
                    + " test or lifecycle method, not from a field initializer or static block");
        }
        if (current.released()) {
            throw new IllegalStateException("the emulator of this AiGatewayExtension was closed when '"
                    + home.getDisplayName() + "' finished; JUnit starts a new one before the next test that uses the"
                    + " extension, so keep no emulator or URL beyond the tests it served");
        }
        return current.emulator();
    }

    /** Picks the context whose end closes the emulator: the class for class-level uses and PER_CLASS, else the test. */
    private static ExtensionContext homeFor(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return context;
        }
        boolean perMethod = context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                == TestInstance.Lifecycle.PER_METHOD;
        return perMethod ? context : EmulatorSource.classContext(context);
    }
}
