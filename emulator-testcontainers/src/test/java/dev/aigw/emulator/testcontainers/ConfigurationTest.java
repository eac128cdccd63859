package dev.aigw.emulator.testcontainers;

import static dev.aigw.emulator.testcontainers.Http.bearer;
import static dev.aigw.emulator.testcontainers.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.testcontainers.AiGatewayContainer.Permission;
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

    @Test
    void aMountedConfigFileDeclaresGatewaysTokensScriptsAndTheClock() {
        try (AiGatewayContainer emulator = new AiGatewayContainer(EmulatorImage.NAME)
                .withConfigFile(MountableFile.forClasspathResource("aigw-config.json"))) {
            emulator.start();

            assertThat(emulator.getAccountId()).isEqualTo(ACCOUNT);
            assertThat(emulator.getApiToken()).isEqualTo("config-file-token");
            assertThat(emulator.control().clock().mode()).isEqualTo(EmulatorControl.ClockMode.AUTO);
            String gateways = emulator.getManagementUrl() + "/accounts/" + ACCOUNT + "/ai-gateway/gateways";
            assertThat(json(Http.get(gateways, "Authorization", bearer("read-only"))).get("result"))
                    .extracting(g -> g.get("id").textValue()).containsExactly("retrying");
            assertThat(Http.post(gateways, "{}", "Authorization", bearer("read-only")).statusCode())
                    .as("Read cannot create").isEqualTo(403);

            // The gateway's own retry settings and the file's script: no per-request headers needed.
            HttpResponse<String> reply = Http.post(emulator.getProviderUrl("retrying", "openai") + "/chat/completions",
                    Http.CHAT);
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            assertThat(emulator.control().timelines().get(0).startOffsetsMillis())
                    .containsExactly(0L, 5_000L, 15_000L, 35_000L, 75_000L);
        }
    }

    @Test
    void settingsFromJavaAreAddedToTheFileAndVariablesWinOverIt() {
        try (AiGatewayContainer emulator = new AiGatewayContainer(EmulatorImage.NAME)
                .withConfigFile(MountableFile.forClasspathResource("aigw-config.json"))
                .withApiToken("from-java")
                .withAccount("22222222222222222222222222222222")
                .withToken("runner", Set.of(AiGatewayContainer.ANY_ACCOUNT), Set.of(Permission.RUN, Permission.READ))
                .withGateway("{\"id\":\"second\",\"account_id\":\"22222222222222222222222222222222\","
                        + "\"cache_invalidate_on_update\":false,\"cache_ttl\":0,\"collect_logs\":false,"
                        + "\"rate_limiting_interval\":0,\"rate_limiting_limit\":0,\"authentication\":true}")) {
            emulator.start();

            assertThat(emulator.getApiToken()).isEqualTo("from-java");
            String other = emulator.getManagementUrl() + "/accounts/22222222222222222222222222222222/ai-gateway"
                    + "/gateways/second";
            assertThat(Http.get(other, "Authorization", bearer("runner")).statusCode()).isEqualTo(200);
            String chat = emulator.getBaseUrl() + "/v1/22222222222222222222222222222222/second/openai/chat/completions";
            assertThat(Http.post(chat, Http.CHAT).statusCode()).as("authentication is on").isEqualTo(401);
            assertThat(Http.post(chat, Http.CHAT, "cf-aig-authorization", bearer("runner")).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aGatewayTheEmulatorRefusesFailsTheStartAtOnceWithItsMessage() {
        try (AiGatewayContainer emulator = new AiGatewayContainer(EmulatorImage.NAME)
                .withGateway("{\"id\":\"Not Valid\"}")) {
            Instant started = Instant.now();

            assertThatThrownBy(emulator::start).isInstanceOf(ContainerLaunchException.class)
                    .rootCause().hasMessage("the emulator exited before it was healthy: aigw-emulator: config file"
                            + " /etc/aigw-emulator/config.json: gateways[0].id: expected a string of lower-case"
                            + " letters, digits and '_', with single '-' between groups, got \"Not Valid\"");
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(20));
        }
    }
}
