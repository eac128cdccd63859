package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.GatewaySettings;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An update through the management API changes what the very next proxied request meets. */
@Timeout(30)
class SettingsChangeTest {

    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();
    private final ProxyClient client = new ProxyClient(emulator);
    private final ManagementCalls management = new ManagementCalls(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    private HttpResponse<String> chat(String... headers) {
        return client.post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT, headers);
    }

    @Test
    void turningCachingOnAndOffTakesEffectOnTheNextRequest() {
        emulator.createGateway("gw");
        assertThat(chat().headers().firstValue("cf-aig-cache-status")).isEmpty();

        management.updateWith("gw", "\"cache_ttl\":300");
        assertThat(chat().headers().firstValue("cf-aig-cache-status")).contains("MISS");
        assertThat(chat().headers().firstValue("cf-aig-cache-status")).contains("HIT");

        management.updateWith("gw", "\"cache_ttl\":0");
        assertThat(chat().headers().firstValue("cf-aig-cache-status")).isEmpty();
        assertThat(emulator.recordedRequests()).hasSize(3);
    }

    @Test
    void turningRateLimitingOnAndOffTakesEffectOnTheNextRequest() {
        emulator.createGateway("gw");
        assertThat(chat().statusCode()).isEqualTo(200);
        assertThat(chat().statusCode()).isEqualTo(200);

        management.updateWith("gw", "\"rate_limiting_limit\":1,\"rate_limiting_interval\":60");
        assertThat(chat().statusCode()).as("requests before the limit was set do not count").isEqualTo(200);
        assertThat(chat().statusCode()).isEqualTo(429);

        management.updateWith("gw", "\"rate_limiting_limit\":0,\"rate_limiting_interval\":60");
        assertThat(chat().statusCode()).isEqualTo(200);
        assertThat(chat().statusCode()).isEqualTo(200);
    }

    @Test
    void changingTheRateLimitStartsAFreshWindow() {
        emulator.createGateway("gw", GatewaySettings.builder()
                .rateLimitingLimit(1).rateLimitingInterval(Duration.ofSeconds(60)).build());
        assertThat(chat().statusCode()).isEqualTo(200);
        assertThat(chat().statusCode()).isEqualTo(429);

        management.updateWith("gw", "\"rate_limiting_limit\":1,\"rate_limiting_interval\":60,"
                + "\"rate_limiting_technique\":\"sliding\"");

        assertThat(chat().statusCode()).isEqualTo(200);
        assertThat(chat().statusCode()).isEqualTo(429);
    }

    @Test
    void turningLogsOnAndOffTakesEffectOnTheNextRequest() {
        emulator.createGateway("gw", GatewaySettings.builder().collectLogs(false).build());
        assertThat(chat().headers().firstValue("cf-aig-log-id")).isEmpty();

        management.updateWith("gw", "\"collect_logs\":true");
        String id = chat().headers().firstValue("cf-aig-log-id").orElseThrow();

        management.updateWith("gw", "\"collect_logs\":false");
        assertThat(chat().headers().firstValue("cf-aig-log-id")).isEmpty();
        assertThat(emulator.logs("gw")).extracting(e -> e.id()).containsExactly(id);
    }

    @Test
    void turningAuthenticationOnAndOffTakesEffectOnTheNextRequest() {
        emulator.createGateway("gw");
        assertThat(chat().statusCode()).isEqualTo(200);

        management.updateWith("gw", "\"authentication\":true");
        assertThat(chat().statusCode()).isEqualTo(401);
        assertThat(chat("cf-aig-authorization", "Bearer " + emulator.apiToken()).statusCode()).isEqualTo(200);

        management.updateWith("gw", "\"authentication\":false");
        assertThat(chat().statusCode()).isEqualTo(200);
    }
}
