package dev.aigw.emulator.internal.management;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.LogEntry;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.gateway.Gateway;
import dev.aigw.emulator.internal.gateway.GatewayBodies;
import dev.aigw.emulator.internal.gateway.GatewayFields;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import dev.aigw.emulator.internal.gateway.StoredSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Creates, reads, changes and deletes the gateways of an account, for the gateway endpoints of the management API
 * and for the Java API alike, so both validate the same bodies with the same messages and keep caches, rate-limit
 * windows and logs in step the same way. Failures are {@link ApiException}s: 400/7001 naming every invalid member,
 * 404/7002 for a gateway that does not exist (an id that cannot exist included). Thread-safe.
 */
public final class GatewayOperations {

    private final ManagementContext context;

    /** Creates the operations over the gateways, clock and logs of a context. */
    public GatewayOperations(ManagementContext context) {
        this.context = context;
    }

    /** Validates a create body (management-api.md G2) in full, then stores the new gateway and returns it. */
    public Gateway create(String accountId, ObjectNode body) {
        GatewayBodies.NewGateway valid = GatewayBodies.forCreate(body);
        Instant now = context.clock().now();
        return context.gateways().create(new Gateway(accountId, valid.id(), valid.settings(),
                Gateway.DEFAULT_ID.equals(valid.id()), now, now, context.newInternalId().get()));
    }

    /** Returns the gateway with that id, or empty when there is none (or the id cannot exist). */
    public Optional<Gateway> find(String accountId, String id) {
        return GatewayFields.isValidId(id) ? context.gateways().find(accountId, id) : Optional.empty();
    }

    /**
     * Returns the log entries of a gateway that a selection keeps, oldest first; empty when the gateway does not
     * exist.
     */
    public List<LogEntry> logs(String accountId, String gatewayId, Predicate<LogEntry> selection) {
        return find(accountId, gatewayId)
                .map(gateway -> context.logs().list(GatewayRef.of(gateway)).stream().filter(selection).toList())
                .orElse(List.of());
    }

    /** Returns the account's gateways, newest first, then by id. */
    public List<Gateway> list(String accountId) {
        return context.gateways().list(accountId);
    }

    /** Applies an update body (management-api.md G4): absent optional members keep their stored value. */
    public Gateway update(String accountId, String id, ObjectNode body) {
        return change(accountId, id, stored -> GatewayBodies.forUpdate(body, stored));
    }

    /** Replaces a gateway's settings as a whole with those of a body shaped as a create body without its id. */
    public Gateway replace(String accountId, String id, ObjectNode body) {
        return change(accountId, id, stored -> GatewayBodies.forReplace(body));
    }

    /** Deletes a gateway with its cache, rate-limit windows and logs, and returns it as it was. */
    public Gateway delete(String accountId, String id) {
        if (!GatewayFields.isValidId(id)) {
            throw ApiException.notFound();
        }
        Gateway deleted = context.gateways().delete(accountId, id);
        context.gatewayChanges().deleted(deleted);
        return deleted;
    }

    /** Checks existence first (management-api.md Q14), validates in full, then changes the gateway atomically. */
    private Gateway change(String accountId, String id, UnaryOperator<StoredSettings> newSettings) {
        Gateway current = find(accountId, id).orElseThrow(ApiException::notFound);
        newSettings.apply(current.settings());
        AtomicReference<Gateway> before = new AtomicReference<>();
        Gateway updated = context.gateways().update(accountId, id, stored -> {
            before.set(stored);
            return stored.withSettings(newSettings.apply(stored.settings()), context.clock().now());
        });
        context.gatewayChanges().updated(before.get(), updated);
        return updated;
    }
}
