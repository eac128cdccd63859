package dev.aigw.emulator.internal.gateway;

/**
 * Names one gateway, one incarnation of it: the key of its cache entries, rate-limit window and logs. The
 * internal id is new each time a gateway is created, so a request still in flight when its gateway is deleted
 * (or the emulator reset) cannot leave cache entries or logs behind for a new gateway of the same id.
 */
public record GatewayRef(String accountId, String gatewayId, String internalId) {

    /** Returns the reference of a gateway. */
    public static GatewayRef of(Gateway gateway) {
        return new GatewayRef(gateway.accountId(), gateway.id(), gateway.internalId());
    }
}
