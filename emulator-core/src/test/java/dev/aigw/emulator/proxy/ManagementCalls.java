package dev.aigw.emulator.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.testsupport.ApiAssertions;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.GatewayBodies;
import dev.aigw.emulator.testsupport.ManagementApi;

/** The few management calls the proxy tests need, checked against the official schema like every other. */
final class ManagementCalls {

    private final ManagementApi api;

    ManagementCalls(AiGatewayEmulator emulator) {
        this.api = ManagementApi.of(emulator);
    }

    /** Creates a gateway with the required fields plus the given extra JSON members (e.g. "\"authentication\":true"). */
    JsonNode create(String id, String extraMembers) {
        return api.createGateway(GatewayBodies.minimalWith(id, extraMembers));
    }

    ApiReply get(String id) {
        return api.get("/gateways/" + id);
    }

    JsonNode list() {
        return ApiAssertions.assertOk(api.get("/gateways?per_page=100"));
    }

    JsonNode update(String id, String body) {
        return ApiAssertions.assertOk(api.put("/gateways/" + id, body));
    }

    JsonNode delete(String id) {
        return ApiAssertions.assertOk(api.delete("/gateways/" + id));
    }
}
