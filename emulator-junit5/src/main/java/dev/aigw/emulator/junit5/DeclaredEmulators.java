package dev.aigw.emulator.junit5;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The emulators of {@link AiGatewayTest}: one per annotated class (a {@code @Nested} class without the annotation
 * uses its enclosing class's), kept in that class's store; and one per test that runs concurrently, kept in the
 * test's store, so that tests running at the same time never share gateways, scripts or a virtual timeline.
 */
final class DeclaredEmulators implements EmulatorSource {

    private record ClassKey(String uniqueId) {
    }

    private enum TestKey { INSTANCE }

    @Override
    public RunningEmulator emulatorFor(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        if (EmulatorSource.runsConcurrently(context)) {
            Recipe recipe = recipe(owner);
            if (recipe.port() != 0) {
                throw new ExtensionConfigurationException("@AiGatewayTest(port = " + recipe.port() + ") on "
                        + owner.getRequiredTestClass().getName() + " fixes the port, but '" + context.getDisplayName()
                        + "' runs concurrently and gets an emulator of its own, which cannot listen on the same port;"
                        + " use port 0 or run the class with @Execution(ExecutionMode.SAME_THREAD)");
            }
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestKey.INSTANCE, key -> recipe.start(),
                    RunningEmulator.class);
        }
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(new ClassKey(owner.getUniqueId()),
                key -> recipe(owner).start(), RunningEmulator.class);
    }

    @Override
    public void beforeAll(ExtensionContext classContext) {
        recipe(owner(classContext));
    }

    @Override
    public RunningEmulator beforeEach(ExtensionContext methodContext) {
        return emulatorFor(methodContext);
    }

    /** Returns the nearest class context, outward from this one, whose class carries the annotation. */
    private static ExtensionContext owner(ExtensionContext context) {
        ExtensionContext current = EmulatorSource.classContext(context);
        ExtensionContext outermost = current;
        while (current.getTestClass().isPresent()) {
            if (annotation(current).isPresent()) {
                return current;
            }
            outermost = current;
            Optional<ExtensionContext> parent = current.getParent();
            if (parent.isEmpty()) {
                break;
            }
            current = parent.get();
        }
        return outermost;
    }

    private static Recipe recipe(ExtensionContext owner) {
        return annotation(owner).map(options -> Recipe.of(options, owner.getRequiredTestClass()))
                .orElse(Recipe.DEFAULTS);
    }

    private static Optional<AiGatewayTest> annotation(ExtensionContext classContext) {
        return classContext.getTestClass()
                .flatMap(testClass -> AnnotationSupport.findAnnotation(testClass, AiGatewayTest.class));
    }
}
