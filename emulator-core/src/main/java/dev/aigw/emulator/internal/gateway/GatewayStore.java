package dev.aigw.emulator.internal.gateway;

import dev.aigw.emulator.internal.api.ApiError;
import dev.aigw.emulator.internal.api.ApiException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Holds the gateways of every account, each account a separate namespace. Thread-safe: every change is
 * atomic, so concurrent creates of one id leave exactly one gateway.
 */
public final class GatewayStore {

    /** The order of {@code GET /gateways}: newest first, then by id (management-api.md Q9). */
    public static final Comparator<Gateway> LIST_ORDER =
            Comparator.comparing(Gateway::createdAt).reversed().thenComparing(Gateway::id);

    private final Map<String, Map<String, Gateway>> byAccount = new ConcurrentHashMap<>();
    private final int maxGatewaysPerAccount;

    /** Creates a store; {@code maxGatewaysPerAccount} of 0 means no limit. */
    public GatewayStore(int maxGatewaysPerAccount) {
        this.maxGatewaysPerAccount = maxGatewaysPerAccount;
    }

    /** Adds a new gateway; 400/7001 if its id is taken or the account is at its limit. */
    public Gateway create(Gateway gateway) {
        Map<String, Gateway> gateways = account(gateway.accountId());
        synchronized (gateways) {
            if (gateways.containsKey(gateway.id())) {
                throw ApiException.service(400, new ApiError(7001, "A gateway with this id already exists",
                        List.of("body", "id"), List.of()));
            }
            if (maxGatewaysPerAccount > 0 && gateways.size() >= maxGatewaysPerAccount) {
                // The create operation's 400 schema requires a path on every error.
                throw ApiException.service(400, new ApiError(7001, "Max number of gateways reached",
                        List.of("body"), List.of()));
            }
            gateways.put(gateway.id(), gateway);
        }
        return gateway;
    }

    /**
     * Returns the gateway with that id, creating it with {@code creator} if absent, atomically; empty when it is
     * absent and the account is at its gateway limit (the data plane counts auto-creation, proxy.md 2.3).
     */
    public Optional<Gateway> getOrCreate(String accountId, String id, Supplier<Gateway> creator) {
        Map<String, Gateway> gateways = account(accountId);
        synchronized (gateways) {
            Gateway existing = gateways.get(id);
            if (existing != null) {
                return Optional.of(existing);
            }
            if (maxGatewaysPerAccount > 0 && gateways.size() >= maxGatewaysPerAccount) {
                return Optional.empty();
            }
            Gateway created = creator.get();
            gateways.put(id, created);
            return Optional.of(created);
        }
    }

    public Optional<Gateway> find(String accountId, String id) {
        return Optional.ofNullable(account(accountId).get(id));
    }

    /** Replaces a gateway by applying {@code change} atomically; 404/7002 if it does not exist. */
    public Gateway update(String accountId, String id, Function<Gateway, Gateway> change) {
        Gateway updated = account(accountId).computeIfPresent(id, (key, current) -> change.apply(current));
        if (updated == null) {
            throw ApiException.notFound();
        }
        return updated;
    }

    /** Removes a gateway and returns it as it was; 404/7002 if it does not exist. */
    public Gateway delete(String accountId, String id) {
        Gateway removed = account(accountId).remove(id);
        if (removed == null) {
            throw ApiException.notFound();
        }
        return removed;
    }

    /** Returns the account's gateways in {@link #LIST_ORDER}. */
    public List<Gateway> list(String accountId) {
        return account(accountId).values().stream().sorted(LIST_ORDER).toList();
    }

    /** Removes every gateway of every account. */
    public void clear() {
        byAccount.values().forEach(Map::clear);
    }

    private Map<String, Gateway> account(String accountId) {
        return byAccount.computeIfAbsent(accountId, ignored -> new ConcurrentHashMap<>());
    }
}
