package dev.aigw.emulator.internal.routing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One dynamic route of a gateway (management-api-2.md 4.1): its versions and deployments, oldest first. The live
 * version is the version of the newest deployment. Immutable; a change returns a new route.
 */
public record Route(String id, String accountId, String gatewayId, String name, Instant createdAt, Instant modifiedAt,
                    List<Version> versions, List<Deployment> deployments) {

    public Route {
        versions = List.copyOf(versions);
        deployments = List.copyOf(deployments);
    }

    /** One stored element array; {@code valid} is false when it has graph errors and so cannot be deployed. */
    public record Version(String id, JsonNode elements, Instant createdAt, boolean valid, String comment) {
    }

    /** One deployment of a version, kept as history. */
    public record Deployment(String id, String versionId, Instant createdAt, String comment) {
    }

    /** Returns the newest deployment, if any. */
    public Optional<Deployment> newestDeployment() {
        return deployments.isEmpty() ? Optional.empty() : Optional.of(deployments.get(deployments.size() - 1));
    }

    /** Returns the version the newest deployment serves, if any. */
    public Optional<Version> liveVersion() {
        return newestDeployment().flatMap(d -> version(d.versionId()));
    }

    /** Returns the version of that id, if any. */
    public Optional<Version> version(String versionId) {
        return versions.stream().filter(v -> v.id().equals(versionId)).findFirst();
    }

    /** Returns this route renamed at {@code now}. */
    public Route renamed(String newName, Instant now) {
        return new Route(id, accountId, gatewayId, newName, createdAt, now, versions, deployments);
    }

    /** Returns this route with one more version, stored at {@code now}. */
    public Route withVersion(Version version, Instant now) {
        List<Version> more = new ArrayList<>(versions);
        more.add(version);
        return new Route(id, accountId, gatewayId, name, createdAt, now, more, deployments);
    }

    /** Returns this route with one more deployment, made at {@code now}. */
    public Route withDeployment(Deployment deployment, Instant now) {
        List<Deployment> more = new ArrayList<>(deployments);
        more.add(deployment);
        return new Route(id, accountId, gatewayId, name, createdAt, now, versions, more);
    }
}
