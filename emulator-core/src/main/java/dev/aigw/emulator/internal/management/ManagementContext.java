package dev.aigw.emulator.internal.management;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.EmulatorState;
import dev.aigw.emulator.internal.GatewayChanges;
import dev.aigw.emulator.internal.billing.BillingAccounts;
import dev.aigw.emulator.internal.byok.ProviderConfigs;
import dev.aigw.emulator.internal.evaluation.EvaluationStore;
import dev.aigw.emulator.internal.gateway.GatewayStore;
import dev.aigw.emulator.internal.log.LogStore;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import dev.aigw.emulator.internal.provider.custom.CustomProviderStore;
import dev.aigw.emulator.internal.routing.RouteStore;
import java.util.function.Supplier;

/**
 * What the management endpoints share: the gateway store, the clock that stamps every time, whether
 * gateways carry the legacy account fields, the emulator's base URL once it is listening, the logs, and
 * what keeps per-gateway state in step with gateway updates and deletions, the provider keys stored on gateways,
 * the provider registry their slugs are checked against, the accounts' custom providers, the dynamic routes, the
 * datasets and evaluations, and the accounts' billing.
 */
public record ManagementContext(GatewayStore gateways, EmulatorClock clock, boolean legacyGatewayFields,
                                Supplier<String> baseUrl, Supplier<String> newInternalId, LogStore logs,
                                GatewayChanges gatewayChanges, ProviderConfigs providerConfigs,
                                ProviderRegistry providers, CustomProviderStore customProviders, RouteStore routes,
                                EvaluationStore evaluations, BillingAccounts billing) {

    /** Returns the context of an emulator's state. */
    public static ManagementContext of(EmulatorState state) {
        return new ManagementContext(state.gateways(), state.clock(), state.settings().legacyGatewayFields(),
                state::baseUrl, state::newUuid, state.logs(), state.gatewayChanges(), state.providerConfigs(),
                state.providers(), state.customProviders(), state.routing().routes(),
                state.evaluations(), state.billing());
    }
}
