package dev.aigw.emulator.junit5;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that another test runs through the EngineTestKit ({@link Kit}) and asserts on; it is skipped
 * when an IDE or the build selects it directly, since some fixtures fail on purpose.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Fixture.OnlyThroughTheKit.class)
@interface Fixture {

    /** Enables a fixture only when {@link Kit} launched it. */
    final class OnlyThroughTheKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(Kit.FIXTURES_PARAMETER).isPresent()
                    ? ConditionEvaluationResult.enabled("launched by Kit")
                    : ConditionEvaluationResult.disabled("a fixture: another test runs it through the EngineTestKit");
        }
    }
}
