package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.EmulatorClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A numeric {@code cf-aig-*} header that is invalid or out of range is ignored and never fails the request
 * (proxy.md 3.1), on the real-time clock with a real upstream too, whose waits are computed in nanoseconds.
 */
@Timeout(30)
class HostileGatewayHeadersTest {

    private final UpstreamStub openai = new UpstreamStub(exchange -> {
        exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send("{\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}");
    });
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(EmulatorClock.system())
            .upstream("openai", openai.baseUrl()).build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @AfterEach
    void close() {
        emulator.close();
        openai.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cf-aig-request-timeout|999999999999999999", "cf-aig-request-timeout|9223372036854",
            "cf-aig-request-timeout|9999999999999999999999", "cf-aig-request-timeout|-1", "cf-aig-request-timeout|1e3",
            "cf-aig-request-timeout|1.5", "cf-aig-request-timeout|NaN", "cf-aig-request-timeout|Infinity",
            "cf-aig-cache-ttl|999999999999999999", "cf-aig-cache-ttl|-60", "cf-aig-cache-ttl|1e999999999",
            "cf-cache-ttl|99999999999999999999", "cf-aig-max-attempts|-999999999999999999",
            "cf-aig-max-attempts|99999999999999999999", "cf-aig-max-attempts|2.5", "cf-aig-retry-delay|999999999999999999",
            "cf-aig-retry-delay|-5", "cf-aig-retry-delay|1e3", "cf-aig-skip-cache|1",
            "cf-aig-custom-cost|{\"per_token_in\":1e999999999}", "cf-aig-metadata|{\"n\":1e999999999}",
            "cf-aig-event-id|1e999999999"})
    void anInvalidOrHugeNumberIsIgnored(String header, String value) {
        emulator.createGateway("gw");

        HttpResponse<String> response = client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT,
                header, value);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(openai.received()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"requestTimeout\":1e999999999,\"maxAttempts\":1e99999999,\"retryDelay\":-1e400}|{}",
            "{\"requestTimeout\":999999999999999999,\"maxAttempts\":\"NaN\",\"retryDelay\":[1]}|{}",
            "{}|{\"cf-aig-request-timeout\":1e999999999,\"cf-aig-custom-cost\":{\"per_token_in\":1e999999999}}"})
    void aUniversalStepsHostileNumbersAreIgnoredToo(String config, String headers) {
        emulator.createGateway("gw");

        HttpResponse<String> response = client.post("/v1/" + emulator.accountId() + "/gw",
                "[{\"provider\":\"openai\",\"endpoint\":\"chat/completions\",\"config\":" + config
                        + ",\"headers\":" + headers + ",\"query\":" + ProxyClient.CHAT + "}]");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(openai.received()).hasSize(1);
        assertThat(emulator.logs("gw")).singleElement().satisfies(e -> assertThat(e.customCost()).isFalse());
    }
}
