package dev.aigw.emulator.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs {@link Fixture} classes on the Jupiter engine and reads their outcomes. */
final class Kit {

    static final String FIXTURES_PARAMETER = "aigw.fixtures";

    /** JUnit's parameters for running top-level classes concurrently and, inside them, methods one at a time. */
    static final Map<String, String> PARALLEL_CLASSES = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "same_thread",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    private Kit() {
    }

    /** Runs the classes with JUnit's default (sequential) configuration. */
    static EngineExecutionResults run(Class<?>... classes) {
        return run(Map.of(), classes);
    }

    /** Runs the classes with extra configuration parameters. */
    static EngineExecutionResults run(Map<String, String> parameters, Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toArray(ClassSelector[]::new))
                .configurationParameter(FIXTURES_PARAMETER, "true")
                .configurationParameters(parameters)
                .execute();
    }

    /** Returns the failure of the test or container named {@code name} (a method's name or a class's simple name). */
    static Throwable failureOf(EngineExecutionResults results, String name) {
        return results.allEvents().failed().stream()
                .filter(event -> named(event.getTestDescriptor().getDisplayName(), name))
                .map(Kit::throwable)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no failure of '" + name + "'; failures: "
                        + results.allEvents().failed().stream().map(e -> e.getTestDescriptor().getDisplayName()
                        + ": " + throwable(e)).toList()));
    }

    /** Fails with every failure's stack trace unless all tests and containers succeeded. */
    static void assertAllSucceeded(EngineExecutionResults results, long expectedTests) {
        if (results.allEvents().failed().count() > 0 || results.testEvents().succeeded().count() != expectedTests) {
            AssertionError error = new AssertionError("expected " + expectedTests + " successful tests, got "
                    + results.testEvents().succeeded().count() + " and " + results.allEvents().failed().count()
                    + " failure(s); skipped: " + results.testEvents().skipped().count());
            results.allEvents().failed().stream().map(Kit::throwable).forEach(error::addSuppressed);
            throw error;
        }
    }

    private static boolean named(String displayName, String name) {
        return displayName.startsWith(name + "(") || displayName.equals(name) || displayName.endsWith("$" + name);
    }

    private static Throwable throwable(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
    }
}
