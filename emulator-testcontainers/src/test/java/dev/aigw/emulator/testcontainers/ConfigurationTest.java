package dev.aigw.emulator.testcontainers;

import static dev.aigw.emulator.testcontainers.Http.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.Gateway;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.RemoteEmulator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * Configuring the container: a mounted config file (gateways, tokens, scripts, the clock), settings added
 * from Java on top of it, environment variables winning over the file, and a refused file failing fast.
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmulatorImage.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConfigurationTest {

    private static final String ACCOUNT = "11111111111111111111111111111111";
    private static final String OTHER_ACCOUNT = "22222222222222222222222222222222";

    @Test
    void theControlApiAnswersTheDockerHostAndTheNetworkAliasesButRefusesOtherHosts() throws Exception {
        try (AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME)
                .withNetworkAliases("aigw-alias")) {
            container.start();

            assertThat(container.emulator().recordedRequests()).isEmpty();
            assertThat(statusWithHost(container, "aigw-alias:8787")).isEqualTo(200);
            assertThat(statusWithHost(container, container.getHost())).isEqualTo(200);
            assertThat(statusWithHost(container, "evil.example")).isEqualTo(403);
        }
    }

    /** Sends {@code GET /__emulator/requests} to the mapped port with this {@code Host}; returns the status. */
    private static int statusWithHost(AiGatewayContainer container, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(container.getHost(),
                container.getMappedPort(AiGatewayContainer.PORT))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /__emulator/requests HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            return Integer.parseInt(reply.substring(9, 12));
        }
    }

    @Test
    void aMountedConfigFileDeclaresGatewaysTokensScriptsAndTheClock() {
        try (AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME)
                .withConfigFile(MountableFile.forClasspathResource("aigw-config.json"))) {
            container.start();

            assertThat(container.getAccountId()).isEqualTo(ACCOUNT);
            assertThat(container.getApiToken()).isEqualTo("config-file-token");
            assertThat(container.emulator().clock().mode()).isEqualTo(ClockMode.AUTO);
            RemoteEmulator readOnly = RemoteEmulator.connect(container.getBaseUrl(), ACCOUNT, "read-only");
            assertThat(readOnly.gateways()).extracting(Gateway::id).containsExactly("retrying");
            String gateways = container.getManagementUrl() + "/accounts/" + ACCOUNT + "/ai-gateway/gateways";
            assertThat(Http.post(gateways, "{}", "Authorization", bearer("read-only")).statusCode())
                    .as("Read cannot create").isEqualTo(403);

            // The gateway's own retry settings and the file's script: no per-request headers needed.
            HttpResponse<String> reply = Http.post(container.getProviderUrl("retrying", "openai")
                    + "/chat/completions", Http.CHAT);
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            assertThat(container.emulator().timelines().get(0).attemptStartsMillis())
                    .containsExactly(0L, 5_000L, 15_000L, 35_000L, 75_000L);
        }
    }

    @Test
    void settingsFromJavaAreAddedToTheFileAndVariablesWinOverIt() {
        try (AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME)
                .withConfigFile(MountableFile.forClasspathResource("aigw-config.json"))
                .withApiToken("from-java")
                .withAccount(OTHER_ACCOUNT)
                .withToken("runner", Set.of(ApiToken.ANY_ACCOUNT), Set.of(Permission.RUN, Permission.READ))
                .withGateway("second", GatewaySettings.builder().collectLogs(false).authentication(true).build())) {
            container.start();

            assertThat(container.getApiToken()).isEqualTo("from-java");
            assertThat(container.emulator().gateways()).extracting(Gateway::id)
                    .containsExactlyInAnyOrder("retrying", "second");
            String accounts = container.getManagementUrl() + "/accounts/";
            assertThat(Http.get(accounts + ACCOUNT + "/ai-gateway/gateways/second", "Authorization",
                    bearer("runner")).statusCode()).isEqualTo(200);
            assertThat(Http.get(accounts + OTHER_ACCOUNT + "/ai-gateway/gateways", "Authorization",
                    bearer("runner")).statusCode()).as("the added account, which the runner covers").isEqualTo(200);
            String chat = container.getProviderUrl("second", "openai") + "/chat/completions";
            assertThat(Http.post(chat, Http.CHAT).statusCode()).as("authentication is on").isEqualTo(401);
            assertThat(Http.post(chat, Http.CHAT, "cf-aig-authorization", bearer("runner")).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aManualClockIsManualFromTheStart() {
        try (AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME)
                .withClockMode(ClockMode.MANUAL)) {
            container.start();

            assertThat(container.emulator().clock().mode()).isEqualTo(ClockMode.MANUAL);
            Instant before = container.emulator().clock().now();
            assertThat(container.emulator().clock().advance(Duration.ofHours(1))).isEqualTo(before.plusSeconds(3600));
        }
    }

    @Test
    void aGatewayTheEmulatorRefusesFailsTheStartAtOnceWithItsMessage() {
        try (AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME)
                .withConfigJson("{\"gateways\":[{\"id\":\"Not Valid\"}]}")) {
            Instant started = Instant.now();

            assertThatThrownBy(container::start).isInstanceOf(ContainerLaunchException.class)
                    .rootCause().hasMessage("the emulator exited before it was healthy: aigw-emulator: config file"
                            + " /etc/aigw-emulator/config.json: gateways[0].id: expected a string of lower-case"
                            + " letters, digits and '_', with single '-' between groups, got \"Not Valid\"");
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void aReplyFixtureDirectoryIsCopiedInAndItsRuleAnswersThroughTheProxy() {
        try (AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME).withGateway("gw")
                .withReplyFixtures(java.nio.file.Path.of("src/test/resources/replies")).withStrictReplies(true)) {
            container.start();

            assertThat(container.emulator().replies().isStrict()).isTrue();
            assertThat(container.emulator().replies().list()).extracting(dev.aigw.emulator.ReplyRule::name)
                    .containsExactly("greeting");
            java.net.http.HttpResponse<String> answer = Http.post(container.getProviderUrl("gw", "openai")
                    + "/chat/completions", Http.CHAT);
            assertThat(answer.body()).contains("\"content\":\"Hello from a fixture in the container.\"");
            java.net.http.HttpResponse<String> refused = Http.post(container.getProviderUrl("gw", "openai")
                    + "/chat/completions", Http.CHAT.replace("Hello", "Bye"));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(container.emulator().replyProblems()).hasSize(1);
        }
    }
}
