package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.gateway.GatewayStore;
import java.util.function.Supplier;

/**
 * What the management endpoints share: the gateway store, the clock that stamps every time, whether
 * gateways carry the legacy account fields, and the emulator's base URL once it is listening.
 */
public record ManagementContext(GatewayStore gateways, EmulatorClock clock, boolean legacyGatewayFields,
                                Supplier<String> baseUrl, Supplier<String> newInternalId) {
}
