package dev.aigw.emulator.failures;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;

/** Creates gateways through the management API for failure tests. */
final class Gateways {

    private Gateways() {
    }

    /** Creates a gateway with the required fields plus extra JSON members. */
    static void create(AiGatewayEmulator emulator, String id, String extraMembers) {
        ManagementApi.of(emulator).createGateway(GatewayBodies.minimalWith(id, extraMembers));
    }
}
