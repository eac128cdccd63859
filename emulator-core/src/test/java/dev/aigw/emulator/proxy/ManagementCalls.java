package dev.aigw.emulator.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.testsupport.ApiAssertions;
import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.ManagementApi;

/**
 * The management calls over HTTP that proxy tests make to prove the data plane follows the API (updates, reads of the
 * {@code default} gateway), checked against the official schema like every other; gateways are created in Java.
 */
final class ManagementCalls {

    private final ManagementApi api;

    ManagementCalls(AiGatewayEmulator emulator) {
        this.api = ManagementApi.of(emulator);
    }

    /** Updates a gateway to the required fields at their defaults overlaid with the given JSON members. */
    JsonNode updateWith(String id, String members) {
        return update(id, settings(members).toString());
    }

    private static ObjectNode settings(String members) {
        ObjectNode body = (ObjectNode) ProxyClient.parse("{\"cache_invalidate_on_update\":false,\"cache_ttl\":0,"
                + "\"collect_logs\":true,\"rate_limiting_interval\":0,\"rate_limiting_limit\":0}");
        body.setAll((ObjectNode) ProxyClient.parse("{" + members + "}"));
        return body;
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
}
