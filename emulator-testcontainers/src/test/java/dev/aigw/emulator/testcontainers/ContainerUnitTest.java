package dev.aigw.emulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.ApiToken;
import dev.aigw.emulator.GatewaySettings;
import dev.aigw.emulator.ManagementApiException;
import dev.aigw.emulator.Permission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.utility.DockerImageName;

/** What the module does without Docker: image checks, and misuse refused before anything starts. */
class ContainerUnitTest {

    @Test
    void refusesAnImageThatIsNotTheEmulator() {
        assertThatThrownBy(() -> new AiGatewayContainer("redis:7"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Failed to verify that image 'redis:7' is a compatible substitute for"
                        + " 'aigw-emulator/aigw-emulator'");
    }

    @Test
    void acceptsACopyDeclaredCompatible() {
        DockerImageName copy = DockerImageName.parse("registry.example.com/tools/aigw:1")
                .asCompatibleSubstituteFor("aigw-emulator/aigw-emulator");

        assertThat(new AiGatewayContainer(copy).getExposedPorts()).containsExactly(8787);
    }

    @Test
    void gettersBeforeStartSayWhatToDo() {
        AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME);

        assertThatThrownBy(container::getApiToken).isInstanceOf(IllegalStateException.class)
                .hasMessage("the container is not started; call start() (or use @Container) first");
        assertThatThrownBy(container::emulator).isInstanceOf(IllegalStateException.class)
                .hasMessage("the container is not started; call start() (or use @Container) first");
    }

    @Test
    void refusesAGatewayTheManagementApiWouldRefuseBeforeTheStart() {
        AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME);

        assertThatThrownBy(() -> container.withGateway("Not Valid")).isInstanceOf(ManagementApiException.class)
                .hasMessageStartingWith("Input Validation Error: id: expected a string of lower-case letters, digits"
                        + " and '_', with single '-' between groups, got \"Not Valid\"");
        assertThatThrownBy(() -> container.withGateway("gw", GatewaySettings.builder().retryMaxAttempts(6).build()))
                .isInstanceOf(ManagementApiException.class).hasMessageContaining("retry_max_attempts");
    }

    @Test
    void refusesAGatewayDeclaredTwice() {
        AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME).withGateway("gw");

        assertThatThrownBy(() -> container.withGateway("gw")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the gateway \"gw\" is declared twice; declare each gateway once");
    }

    @Test
    void refusesATokenWithoutAccountsOrPermissions() {
        AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME);

        assertThatThrownBy(() -> container.withToken("t", Set.of(), Set.of(Permission.RUN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a token must cover at least one account id (or ApiToken.ANY_ACCOUNT)");
        assertThatThrownBy(() -> container.withToken("t", Set.of(ApiToken.ANY_ACCOUNT), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a token needs at least one permission");
        assertThatThrownBy(() -> container.withToken("no spaces", Set.of("acc"), Set.of(Permission.RUN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("token value must be");
    }

    @Test
    void aReplyFixtureDirectoryIsCheckedOnTheHostCopiedAndNamedByItsVariable() {
        Path fixtures = Path.of("src/test/resources/replies");
        AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME).withReplyFixtures(fixtures)
                .withStrictReplies(true);

        assertThat(container.getEnvMap()).containsEntry("AIGW_REPLY_FIXTURES", AiGatewayContainer.REPLY_FIXTURES_PATH)
                .containsEntry("AIGW_STRICT_REPLIES", "true");
        assertThat(container.getCopyToFileContainerPathMap()).containsValue(AiGatewayContainer.REPLY_FIXTURES_PATH);
        assertThatThrownBy(() -> container.withReplyFixtures(fixtures)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the reply fixtures are " + fixtures + " already; give one directory");
    }

    @Test
    void aRecordingsDirectoryIsMountedAsAVolumeAndNamedWithItsModes(@TempDir Path dir) throws IOException {
        AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME).withRecordings(dir, "replay");

        assertThat(container.getEnvMap()).containsEntry("AIGW_RECORDINGS", AiGatewayContainer.RECORDINGS_PATH)
                .containsEntry("AIGW_RECORDING_MODE", "replay");
        assertThat(container.getBinds()).singleElement().satisfies(bind -> {
            assertThat(bind.getPath()).isEqualTo(dir.toAbsolutePath().toString());
            assertThat(bind.getVolume().getPath()).isEqualTo(AiGatewayContainer.RECORDINGS_PATH);
        });
        Files.writeString(dir.resolve("openai-x-0a1b2c3d.json"), "{\"provider\": \"openai\"}");
        assertThatThrownBy(() -> new AiGatewayContainer(EmulatorImage.NAME).withRecordings(dir, "replay"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openai-x-0a1b2c3d.json: request: expected an object");
        assertThatThrownBy(() -> new AiGatewayContainer(EmulatorImage.NAME).withRecordings(dir, "rewind"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"rewind\" is no recording mode");
    }

    @Test
    void refusesABadReplyFixtureDirectoryBeforeTheStart(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"name\": \"r\", \"reply\": {\"txt\": \"x\"}}");
        AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME);

        assertThatThrownBy(() -> container.withReplyFixtures(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a.json: reply.txt: unknown member (did you mean \"text\"?)");
        assertThatThrownBy(() -> container.withReplyFixtures(dir.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope: no such directory");
    }
}
