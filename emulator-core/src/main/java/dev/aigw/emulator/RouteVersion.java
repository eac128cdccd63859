package dev.aigw.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a dynamic route: an element array, deployed or not (management-api-2.md 4.2 R6-R8).
 *
 * @param id the version id, what {@link Routes#deploy} takes
 * @param elements its elements, a JSON array as text, as sent
 * @param active whether it is the live version
 * @param valid whether it has no graph errors (only a valid version can be deployed)
 * @param createdAt when it was stored, on the emulator's clock (milliseconds)
 * @param comment the comment sent with it, or {@code null}
 */
public record RouteVersion(String id, String elements, boolean active, boolean valid, Instant createdAt,
                           String comment) {

    /** Checks the required components. */
    public RouteVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(elements, "elements");
    }
}
