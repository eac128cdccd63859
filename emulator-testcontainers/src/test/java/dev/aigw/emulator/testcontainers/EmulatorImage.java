package dev.aigw.emulator.testcontainers;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * The image the tests start ({@code aigw.image}, set by the pom), and a condition that runs a test class only
 * when the image is there. Without it a missing image means a two-minute pull retry before the failure.
 * Outside CI a missing image (or engine) skips the class with the command that fixes it; with {@code CI=true}
 * both are errors, so a CI run cannot pass with the container tests skipped.
 */
final class EmulatorImage implements ExecutionCondition {

    /** The image built by {@code emulator-testcontainers/build-image.sh}. */
    static final DockerImageName NAME = DockerImageName.parse(System.getProperty("aigw.image",
            "aigw-emulator/aigw-emulator:0.1.0-SNAPSHOT"));

    private static final String BUILD = "bash emulator-testcontainers/build-image.sh (offline: add $(bash"
            + " .ci/docker-for-tests.sh))";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            if (ci) {
                throw new IllegalStateException("CI=true but no Docker engine answers: the container tests must run"
                        + " in CI (.ci/run starts dockerd with .ci/docker-for-tests.sh)");
            }
            return ConditionEvaluationResult.enabled("no Docker engine: @Testcontainers skips the class");
        }
        try {
            DockerClientFactory.instance().client().inspectImageCmd(NAME.asCanonicalNameString()).exec();
            return ConditionEvaluationResult.enabled("image " + NAME + " is present");
        } catch (NotFoundException e) {
            String message = "image " + NAME + " is not built; build it with " + BUILD;
            if (ci) {
                throw new IllegalStateException("CI=true but " + message);
            }
            return ConditionEvaluationResult.disabled(message);
        }
    }
}
