package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.testsupport.ApiAssertions.assertOk;
import static dev.aigw.emulator.testsupport.ApiAssertions.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.VirtualClock;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code cf-aig-custom-cost} out of range is ignored (proxy.md 3.1) and never breaks the Logs API afterwards;
 * a log filter with a number out of range is a 400/7001, not a 500.
 */
@Timeout(30)
class HostileCustomCostTest {

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder()
            .clock(VirtualClock.startingAt(Instant.parse("2026-05-01T10:00:00Z"))).build().start();
    private final ProxyClient client = new ProxyClient(emulator);
    private final ManagementApi api = ManagementApi.of(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> chat(String... headers) {
        return client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT, headers);
    }

    private static String logId(HttpResponse<String> response) {
        return response.headers().firstValue("cf-aig-log-id").orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"per_token_in\":1e999999999,\"per_token_out\":1}",
            "{\"per_token_in\":1e99999999,\"per_token_out\":1}",
            "{\"per_token_in\":1e400,\"per_token_out\":1}",
            "{\"per_token_in\":1,\"per_token_out\":1e-999999999}",
            "{\"per_token_in\":-1,\"per_token_out\":1}",
            "{\"per_token_in\":1e7,\"per_token_out\":1}",
            "{\"per_token_in\":\"NaN\",\"per_token_out\":1}",
            "{\"per_token_in\":[1],\"per_token_out\":1}",
            "{\"per_token_in\":1,\"per_token_out\":true}"})
    void aCustomCostOutOfRangeIsIgnoredAndTheLogsApiKeepsWorking(String customCost) {
        emulator.createGateway("gw");

        HttpResponse<String> response = chat("cf-aig-custom-cost", customCost);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode log = assertOk(api.get("/gateways/gw/logs/" + logId(response)));
        assertThat(log.get("custom_cost").booleanValue()).isFalse();
        assertThat(log.get("cost").isNumber()).as("cost %s", log.get("cost")).isTrue();
        assertThat(Double.isFinite(log.get("cost").doubleValue())).isTrue();
        assertThat(assertOk(api.get("/gateways/gw/logs")).size()).isEqualTo(1);
        assertOk(api.get("/gateways/gw/logs?filters=" + encode("[{\"key\":\"cost\",\"operator\":\"gt\",\"value\":[1]}]")));
    }

    @Test
    void theLargestAndSmallestPricesInRangeAreFiniteCosts() {
        emulator.createGateway("gw");

        HttpResponse<String> response = chat("cf-aig-custom-cost",
                "{\"per_token_in\":1000000,\"per_token_out\":1e-30}");

        JsonNode log = assertOk(api.get("/gateways/gw/logs/" + logId(response)));
        assertThat(log.get("custom_cost").booleanValue()).isTrue();
        assertThat(log.get("cost").doubleValue()).isPositive().isFinite();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1e999999999", "1e-999999999", "1e400", "\"NaN\"", "\"Infinity\"",
            "\"1e999999999\"", "\"abc\"", "[1]", "{}", "true"})
    void aLogFilterNumberOutOfRangeIsAValidationError(String value) {
        emulator.createGateway("gw");
        chat();

        assertValidationError(api.get("/gateways/gw/logs?filters=" + encode(
                "[{\"key\":\"cost\",\"operator\":\"gt\",\"value\":[" + value + "]}]")), "query", "filters");
    }

    @Test
    void aLogFilterNumberInTheQueryFormIsBoundedToo() {
        emulator.createGateway("gw");

        assertValidationError(api.get("/gateways/gw/logs?filters.key=duration&filters.operator=gt&filters.value="
                + encode("1e99999999")), "query", "filters");
        assertValidationError(api.get("/gateways/gw/logs?filters[0][key]=tokens&filters[0][operator]=lt"
                + "&filters[0][value][0]=NaN"), "query", "filters");
        assertValidationError(api.get("/gateways/gw/logs?filters[99999999999][key]=model"
                + "&filters[99999999999][operator]=eq&filters[99999999999][value]=x"), "query", "filters");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
