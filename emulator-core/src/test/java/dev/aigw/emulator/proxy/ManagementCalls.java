package dev.aigw.emulator.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * Creates a gateway whose settings are the required fields at their defaults (caching off, logs on, rate
     * limiting off) overlaid with the given JSON members, e.g. {@code "\"cache_ttl\":300"}.
     */
    JsonNode createWith(String id, String members) {
        ObjectNode body = settings(members);
        body.put("id", id);
        return api.createGateway(body.toString());
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

    JsonNode delete(String id) {
        return ApiAssertions.assertOk(api.delete("/gateways/" + id));
    }
}
