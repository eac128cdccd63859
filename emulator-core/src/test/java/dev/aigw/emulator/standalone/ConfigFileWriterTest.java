package dev.aigw.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.ManagementApiException;
import dev.aigw.emulator.Permission;
import dev.aigw.emulator.internal.wire.GatewaySettingsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config file written from Java reads back, through the standalone emulator's own reader, as what was written. */
class ConfigFileWriterTest {

    private static final String OTHER = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path dir;

    private StandaloneConfig read(String json) throws IOException {
        Path file = dir.resolve("aigw.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return StandaloneConfig.resolve(StandaloneOptions.parse(new String[0], Map.of("AIGW_CONFIG", file.toString())));
    }

    @Test
    void accountsTokensAndGatewaysAreAddedToTheFilesOwnAndReadBackAsGiven() throws IOException {
        GatewaySettings retrying = GatewaySettings.builder().retryMaxAttempts(3).retryDelay(Duration.ofMillis(500))
                .retryBackoff(GatewaySettings.Backoff.EXPONENTIAL).authentication(true).build();

        String json = ConfigFileWriter.of("{\"clock\":\"virtual\",\"tokens\":[{\"value\":\"from-file\","
                        + "\"permissions\":[\"AI Gateway - Read\"]}]}")
                .account(OTHER)
                .token(new ApiToken("runner", Set.of(ApiToken.ANY_ACCOUNT), Set.of(Permission.RUN, Permission.READ)))
                .gateway("retrying", retrying)
                .gateway("plain", GatewaySettings.defaults())
                .toJson();
        StandaloneConfig config = read(json);

        assertThat(config.clock()).isEqualTo("virtual");
        assertThat(config.accounts()).contains(OTHER);
        assertThat(config.tokens()).extracting(ApiToken::value).containsExactly("from-file", "runner");
        assertThat(config.tokens().get(1).permissions()).containsExactlyInAnyOrder(Permission.RUN, Permission.READ);
        assertThat(config.tokens().get(1).covers(OTHER)).isTrue();
        assertThat(config.seed().gateways()).extracting(g -> g.id()).containsExactly("retrying", "plain");
        assertThat(GatewaySettingsJson.parse(config.seed().gateways().get(0).settings().members()))
                .isEqualTo(retrying);
    }

    @Test
    void anEmptyWriterWritesAnEmptyObject() {
        assertThat(ConfigFileWriter.empty().toJson()).isEqualTo("{}");
    }

    @Test
    void aGatewayTheApiWouldRefuseIsRefusedWhenItIsAdded() {
        assertThatThrownBy(() -> ConfigFileWriter.empty().gateway("Not Valid", GatewaySettings.defaults()))
                .isInstanceOf(ManagementApiException.class)
                .hasMessageStartingWith("Input Validation Error: id: expected a string of lower-case letters");
    }

    @Test
    void aFileThatIsNoJsonObjectOrHoldsNoArrayWhereOneIsAddedIsRefused() {
        assertThatThrownBy(() -> ConfigFileWriter.of("{oops")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the config file is not JSON: ");
        assertThatThrownBy(() -> ConfigFileWriter.of("[]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the config file must hold a JSON object, got array");
        assertThatThrownBy(() -> ConfigFileWriter.of("{\"accounts\":\"x\"}").account(OTHER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the config file's accounts must be an array to add to it");
    }
}
