package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.retry.RetryPolicy;

/** What the ways of planning a step share. */
final class Steps {

    private Steps() {
    }

    /** Resolves a step's retry policy, once per request: its settings first, then its gateway's. */
    static RetryPolicy retryPolicy(GatewayHeaders settings, ResolvedGateway gateway) {
        return RetryPolicy.resolve(settings.retries(), gateway.gateway().settings().retries());
    }
}
