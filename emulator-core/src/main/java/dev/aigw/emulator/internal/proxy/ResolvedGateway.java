package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.gateway.Gateway;

/**
 * The gateway a data-plane request addresses.
 *
 * @param accountId the account id of the path
 * @param gateway the gateway as it was when the request arrived
 * @param rest the path after the gateway id, without a leading {@code /} (empty for the universal endpoint)
 */
public record ResolvedGateway(String accountId, Gateway gateway, String rest) {
}
