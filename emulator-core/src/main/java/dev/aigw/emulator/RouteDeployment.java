package dev.aigw.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One deployment of a dynamic route's version, kept as history (management-api-2.md 4.2 R9-R10).
 *
 * @param id the deployment id
 * @param versionId the version it made live
 * @param createdAt when it was made, on the emulator's clock (milliseconds)
 * @param comment the comment sent with it, or {@code null}
 */
public record RouteDeployment(String id, String versionId, Instant createdAt, String comment) {

    /** Checks the required components. */
    public RouteDeployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(versionId, "versionId");
    }
}
