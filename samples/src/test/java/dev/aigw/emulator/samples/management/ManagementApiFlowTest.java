package dev.aigw.emulator.samples.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.junit5.AiGatewayExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A script's view of the Cloudflare v4 API, over plain {@code java.net.http}: create, list, read, update and
 * delete a gateway with a token that holds {@code AI Gateway - Read} and {@code AI Gateway - Edit}.
 */
@Timeout(30)
class ManagementApiFlowTest {

    private static final String ACCOUNT = "0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "my-ci-token";

    @RegisterExtension
    static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder()
            .accountId(ACCOUNT)
            .configure(emulator -> emulator.token(ApiToken.of(TOKEN, ACCOUNT, Permission.READ, Permission.EDIT)))
            .build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void createListReadUpdateAndDeleteAGateway() throws Exception {
        AiGatewayEmulator emulator = GATEWAY.emulator();
        String gateways = emulator.managementUrl() + "/accounts/" + ACCOUNT + "/ai-gateway/gateways";

        JsonNode created = call("POST", gateways, """
                {"id": "my-gateway", "cache_invalidate_on_update": false, "cache_ttl": 0, "collect_logs": true,
                 "rate_limiting_interval": 0, "rate_limiting_limit": 0}""");
        assertThat(created.at("/result/id").textValue()).isEqualTo("my-gateway");

        JsonNode list = call("GET", gateways, null);
        assertThat(list.at("/result/0/id").textValue()).isEqualTo("my-gateway");
        assertThat(list.at("/result_info/total_count").intValue()).isEqualTo(1);

        JsonNode updated = call("PUT", gateways + "/my-gateway", """
                {"cache_invalidate_on_update": false, "cache_ttl": 300, "collect_logs": true,
                 "rate_limiting_interval": 60, "rate_limiting_limit": 100}""");
        assertThat(updated.at("/result/cache_ttl").intValue()).isEqualTo(300);
        assertThat(call("GET", gateways + "/my-gateway", null).at("/result/rate_limiting_limit").intValue())
                .isEqualTo(100);

        assertThat(call("DELETE", gateways + "/my-gateway", null).at("/success").booleanValue()).isTrue();
        HttpResponse<String> gone = send("GET", gateways + "/my-gateway", null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json.readTree(gone.body()).at("/success").booleanValue()).isFalse();
    }

    private JsonNode call(String method, String url, String body) throws Exception {
        HttpResponse<String> response = send(method, url, body);
        assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
