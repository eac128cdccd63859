package dev.aigw.emulator.internal.gateway;

import java.util.Objects;

/**
 * Names one gateway, one incarnation of it: the key of its cache entries, rate-limit window and logs. The
 * internal id is new each time a gateway is created, so a request still in flight when its gateway is deleted
 * (or the emulator reset) cannot leave cache entries or logs behind for a new gateway of the same id.
 */
public record GatewayRef(String accountId, String gatewayId, String internalId) {

    public GatewayRef {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(internalId, "internalId");
    }

    /** Returns the reference of a gateway. */
    public static GatewayRef of(Gateway gateway) {
        return new GatewayRef(gateway.accountId(), gateway.id(), gateway.internalId());
    }

    // Written out rather than generated: a record's generated equals and hashCode bootstrap method handles on their
    // first call, which a fresh JVM's first proxied request paid (about 8 ms) when it first logged under this key.

    @Override
    public boolean equals(Object other) {
        return other instanceof GatewayRef ref && accountId.equals(ref.accountId) && gatewayId.equals(ref.gatewayId)
                && internalId.equals(ref.internalId);
    }

    @Override
    public int hashCode() {
        return (accountId.hashCode() * 31 + gatewayId.hashCode()) * 31 + internalId.hashCode();
    }
}
