package dev.aigw.emulator.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.emulator.AiGatewayEmulator;
import java.net.http.HttpResponse;

/** The few management calls the proxy tests need to set up and inspect gateways. */
final class ManagementCalls {

    private final AiGatewayEmulator emulator;
    private final ProxyClient client;

    ManagementCalls(AiGatewayEmulator emulator) {
        this.emulator = emulator;
        this.client = new ProxyClient(emulator);
    }

    private String gateways() {
        return "/client/v4/accounts/" + emulator.accountId() + "/ai-gateway/gateways";
    }

    /** Creates a gateway with the required fields plus the given extra JSON members (e.g. "\"authentication\":true"). */
    JsonNode create(String id, String extraMembers) {
        String body = "{\"id\":\"" + id + "\",\"cache_invalidate_on_update\":false,\"cache_ttl\":0,\"collect_logs\":true,"
                + "\"rate_limiting_interval\":0,\"rate_limiting_limit\":0" + (extraMembers.isEmpty() ? "" : "," + extraMembers) + "}";
        return checked(client.send("POST", gateways(), body, "authorization", "Bearer " + emulator.apiToken()));
    }

    /**
     * Creates a gateway whose settings are the required fields at their defaults (caching off, logs on, rate
     * limiting off) overlaid with the given JSON members, e.g. {@code "\"cache_ttl\":300"}.
     */
    JsonNode createWith(String id, String members) {
        ObjectNode body = settings(members);
        body.put("id", id);
        return checked(client.send("POST", gateways(), body.toString(), "authorization",
                "Bearer " + emulator.apiToken()));
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

    HttpResponse<String> get(String id) {
        return client.send("GET", gateways() + "/" + id, null, "authorization", "Bearer " + emulator.apiToken());
    }

    JsonNode list() {
        return checked(client.send("GET", gateways() + "?per_page=100", null, "authorization", "Bearer " + emulator.apiToken()));
    }

    JsonNode update(String id, String body) {
        return checked(client.send("PUT", gateways() + "/" + id, body, "authorization", "Bearer " + emulator.apiToken()));
    }

    JsonNode delete(String id) {
        return checked(client.send("DELETE", gateways() + "/" + id, null, "authorization", "Bearer " + emulator.apiToken()));
    }

    private static JsonNode checked(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("management call failed: " + response.statusCode() + " " + response.body());
        }
        return ProxyClient.json(response).get("result");
    }
}
