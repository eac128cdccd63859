package dev.aigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.proxy.ProxyClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's section on gateways and logs from Java, compiled and run: keep the two in step. */
@Timeout(30)
class ReadmeGatewaysTest {

    @Test
    void gatewaysFromJava() {
        // README: gateways
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder()
                .gateway("my-gateway")                       // declared: there from the start, and after every reset()
                .gateway("cached", GatewaySettings.builder().cacheTtl(Duration.ofMinutes(5)).build())
                .build().start()) {

            Gateway secured = emulator.createGateway("secured", GatewaySettings.builder()
                    .authentication(true)
                    .rateLimitingLimit(10)
                    .rateLimitingInterval(Duration.ofMinutes(1))
                    .rateLimitingTechnique(GatewaySettings.RateLimitingTechnique.SLIDING)
                    .build());
            // An update replaces every setting: start from the gateway's own to change a few.
            emulator.updateGateway("secured", secured.settings().newBuilder().authentication(false).build());
            assertThat(emulator.gateway("secured").orElseThrow().settings().rateLimitingLimit()).isEqualTo(10);

            // What the management API refuses is refused here, with its errors: one per field.
            assertThatThrownBy(() -> emulator.createGateway("retrying", GatewaySettings.builder()
                    .retryMaxAttempts(6)
                    .retryDelay(Duration.ofSeconds(70))
                    .build()))
                    .isInstanceOf(ManagementApiException.class)
                    .hasMessage("Input Validation Error: retry_delay: expected an integer from 0 to 60000, got 70000; "
                            + "Input Validation Error: retry_max_attempts: expected an integer from 1 to 5, got 6");

            emulator.deleteGateway("my-gateway");
            emulator.reset();
            assertThat(emulator.gateways()).extracting(Gateway::id).containsExactly("cached", "my-gateway");
        }
        // README: end
    }

    @Test
    void logsFromJava() {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().gateway("my-gateway").build().start()) {
            ProxyClient proxy = new ProxyClient(emulator);
            emulator.script("openai").enqueue(UpstreamResponse.status(500));
            proxy.post(proxy.path("my-gateway", "openai/chat/completions"), ProxyClient.CHAT);
            proxy.post(proxy.path("my-gateway", "openai/chat/completions"), ProxyClient.CHAT);

            // README: logs
            List<LogEntry> failures = emulator.logs("my-gateway",
                    LogQuery.builder().provider("openai").success(false).build());
            List<LogEntry> slow = emulator.logs("my-gateway",
                    LogQuery.builder().filter("duration", "gt", 1000).build());   // any Logs API filter
            // README: end

            assertThat(failures).extracting(LogEntry::statusCode).containsExactly(500);
            assertThat(slow).isEmpty();
        }
    }

    @Test
    void customProvidersFromJava() throws Exception {
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().gateway("gw").build().start()) {
            // README: custom providers
            CustomProvider acme = emulator.createCustomProvider(CustomProviderSettings.builder("Acme", "acme",
                    "https://api.acme.example/v1").enable(true).headers(java.util.Map.of("x-acme-key", "k-1")).build());
            java.net.http.HttpResponse<String> reply = new ProxyClient(emulator).post(
                    "/v1/" + emulator.accountId() + "/gw/custom-acme/chat/completions", ProxyClient.CHAT);
            assertThat(reply.statusCode()).isEqualTo(200);
            RecordedRequest recorded = emulator.takeRequest();
            assertThat(recorded.url()).isEqualTo("https://api.acme.example/v1/chat/completions");
            assertThat(recorded.header("x-acme-key")).contains("k-1");
            emulator.deleteCustomProvider(acme.id());    // from now on custom-acme is 400/2008
            assertThat(new ProxyClient(emulator).post("/v1/" + emulator.accountId()
                    + "/gw/custom-acme/chat/completions", ProxyClient.CHAT).statusCode()).isEqualTo(400);
        }
    }
}
