package dev.aigw.emulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.UpstreamResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/** The snippet of docs/container.md: a scripted retry scenario on a virtual clock, from Java, in a container. */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmulatorImage.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QuickStartTest {

    @Container
    static AiGatewayContainer gateway = new AiGatewayContainer(
            DockerImageName.parse("aigw-emulator/aigw-emulator:0.1.0-SNAPSHOT"))
            .withClockMode(ClockMode.AUTO);

    @Test
    void fourScriptedFailuresAreRetriedOnVirtualTime() throws Exception {
        // The upstream fails four times, then the fake provider answers.
        gateway.emulator().script("openai").enqueue(UpstreamResponse.status(503), 4);

        // The `default` gateway is created by the first request that carries a valid token.
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(gateway.getProviderUrl("default", "openai") + "/chat/completions"))
                .header("content-type", "application/json")
                .header("cf-aig-authorization", "Bearer " + gateway.getApiToken())
                .header("cf-aig-max-attempts", "5")
                .header("cf-aig-retry-delay", "5000")
                .header("cf-aig-backoff", "exponential")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Emulated reply from gpt-4o-mini to: Hi");
        // 75 s of backoff took no real time: the attempts started 0, 5, 15, 35 and 75 virtual seconds in.
        assertThat(gateway.emulator().lastTimeline().attemptStartsMillis())
                .containsExactly(0L, 5_000L, 15_000L, 35_000L, 75_000L);
    }
}
