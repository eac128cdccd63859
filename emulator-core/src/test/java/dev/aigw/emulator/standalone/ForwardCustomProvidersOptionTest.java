package dev.aigw.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forwarding custom providers to their real {@code base_url} (management-api-2.md 3.4): {@code
 * --forward-custom-providers}, {@code AIGW_FORWARD_CUSTOM_PROVIDERS} and the config file's
 * {@code custom_providers.forward}, the command line over the environment over the file.
 */
class ForwardCustomProvidersOptionTest {

    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path dir;

    private static StandaloneConfig resolve(Map<String, String> env, String... args) {
        return StandaloneConfig.resolve(StandaloneOptions.parse(args, env));
    }

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("aigw.json"), json);
    }

    @Test
    void theSwitchAloneTurnsForwardingOnAndNothingLeavesTheDefault() {
        assertThat(resolve(NO_ENV, "--forward-custom-providers").tuning().forwardCustomProviders()).contains(true);
        assertThat(resolve(NO_ENV, "--forward-custom-providers", "false").tuning().forwardCustomProviders())
                .contains(false);
        assertThat(resolve(NO_ENV).tuning().forwardCustomProviders()).isEmpty();
    }

    @Test
    void theVariableGivesTheSame() {
        assertThat(resolve(Map.of("AIGW_FORWARD_CUSTOM_PROVIDERS", "true")).tuning().forwardCustomProviders())
                .contains(true);
    }

    @Test
    void theCommandLineAndTheVariableWinOverTheFile() throws IOException {
        Path file = file("{\"custom_providers\": {\"forward\": true}}");

        assertThat(resolve(NO_ENV, "--config", file.toString()).tuning().forwardCustomProviders()).contains(true);
        assertThat(resolve(NO_ENV, "--config", file.toString(), "--forward-custom-providers", "false").tuning()
                .forwardCustomProviders()).contains(false);
        assertThat(resolve(Map.of("AIGW_FORWARD_CUSTOM_PROVIDERS", "false", "AIGW_CONFIG", file.toString()))
                .tuning().forwardCustomProviders()).contains(false);
    }

    @Test
    void aValueOtherThanTrueOrFalseIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> resolve(NO_ENV, "--forward-custom-providers", "yes"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--forward-custom-providers: expected \"true\" or \"false\", got \"yes\"");
        assertThatThrownBy(() -> resolve(Map.of("AIGW_FORWARD_CUSTOM_PROVIDERS", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("AIGW_FORWARD_CUSTOM_PROVIDERS");
    }

    @Test
    void aBadFileMemberIsStillRefusedWhenTheCommandLineGivesTheValue() throws IOException {
        Path file = file("{\"custom_providers\": {\"forward\": \"yes\"}}");

        assertThatThrownBy(() -> resolve(NO_ENV, "--config", file.toString(), "--forward-custom-providers"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("custom_providers.forward");
    }
}
