package dev.aigw.emulator.internal.gateway;

/** Names one gateway across accounts: the key of its cache entries, rate-limit window and logs. */
public record GatewayRef(String accountId, String gatewayId) {

    /** Returns the reference of a gateway. */
    public static GatewayRef of(Gateway gateway) {
        return new GatewayRef(gateway.accountId(), gateway.id());
    }
}
