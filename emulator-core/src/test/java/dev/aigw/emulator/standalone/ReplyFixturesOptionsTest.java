package dev.aigw.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ReplyRule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone emulator takes a reply fixture directory and strict mode from {@code --reply-fixtures} and
 * {@code --strict-replies}, their {@code AIGW_*} variables or the config file, and {@code validate-fixtures} checks a
 * directory without starting anything, naming each bad member with its file.
 */
class ReplyFixturesOptionsTest {

    private static final Map<String, String> NO_ENV = Map.of();
    private static final String RULE = "{\"name\": \"weather\", \"reply\": {\"text\": \"Sunny.\"}}";

    @TempDir
    Path dir;

    private Path fixtures(String json) throws IOException {
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        Files.writeString(fixtures.resolve("weather.json"), json);
        return fixtures;
    }

    private static StandaloneConfig resolve(Map<String, String> env, String... args) {
        return StandaloneConfig.resolve(StandaloneOptions.parse(args, env));
    }

    @Test
    void theOptionLoadsTheFixturesAndTheSwitchMakesRepliesStrict() throws IOException {
        Path fixtures = fixtures(RULE);

        StandaloneConfig config = resolve(NO_ENV, "--reply-fixtures", fixtures.toString(), "--strict-replies");

        assertThat(config.replyRules()).extracting(ReplyRule::name).containsExactly("weather");
        assertThat(config.strictReplies()).isTrue();
        try (AiGatewayEmulator emulator = config.builder().port(0).build()) {
            assertThat(emulator.replies().list()).extracting(ReplyRule::name).containsExactly("weather");
            assertThat(emulator.replies().isStrict()).isTrue();
        }
        assertThat(resolve(NO_ENV, "--strict-replies", "false").strictReplies()).isFalse();
        assertThat(resolve(NO_ENV).strictReplies()).isFalse();
        assertThat(resolve(NO_ENV).replyRules()).isEmpty();
    }

    @Test
    void theVariablesGiveTheSame() throws IOException {
        Path fixtures = fixtures(RULE);

        StandaloneConfig config = resolve(Map.of("AIGW_REPLY_FIXTURES", fixtures.toString(),
                "AIGW_STRICT_REPLIES", "true"));

        assertThat(config.replyRules()).hasSize(1);
        assertThat(config.strictReplies()).isTrue();
    }

    @Test
    void theConfigFileNamesTheDirectoryRelativeToItself() throws IOException {
        fixtures(RULE);
        Path file = Files.writeString(dir.resolve("aigw.json"), "{\"reply_fixtures\": \"fixtures\","
                + " \"strict_replies\": true}");

        StandaloneConfig config = resolve(Map.of("AIGW_CONFIG", file.toString()));

        assertThat(config.replyRules()).extracting(ReplyRule::name).containsExactly("weather");
        assertThat(config.strictReplies()).isTrue();
        assertThat(resolve(Map.of("AIGW_CONFIG", file.toString()), "--strict-replies", "false").strictReplies())
                .as("the command line wins").isFalse();
    }

    @Test
    void badSettingsAreRefusedNamingTheirSource() throws IOException {
        Path file = Files.writeString(dir.resolve("aigw.json"), "{\"strict_replies\": \"yes\"}");
        Path typo = Files.writeString(dir.resolve("typo.json"), "{\"reply_fixture\": \"x\"}");

        assertThatThrownBy(() -> resolve(NO_ENV, "--strict-replies", "yes")).isInstanceOf(ConfigException.class)
                .hasMessage("--strict-replies: expected \"true\" or \"false\", got \"yes\"");
        assertThatThrownBy(() -> resolve(Map.of("AIGW_CONFIG", file.toString()))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("strict_replies: expected a boolean, got \"yes\"");
        assertThatThrownBy(() -> resolve(Map.of("AIGW_CONFIG", typo.toString()))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("reply_fixture: unknown member (did you mean \"reply_fixtures\"?)");
        assertThatThrownBy(() -> resolve(NO_ENV, "--reply-fixtures", dir.resolve("nope").toString()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("--reply-fixtures: the reply fixtures have 1"
                        + " problem").hasMessageContaining("nope: no such directory");
    }

    @Test
    void badFixturesStopStartUpNamingEachMember() throws IOException {
        Path fixtures = fixtures("{\"name\": \"r\", \"reply\": {\"text\": \"x\"}, \"match\": {\"trun\": 1}}");

        assertThatThrownBy(() -> resolve(Map.of("AIGW_REPLY_FIXTURES", fixtures.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("AIGW_REPLY_FIXTURES: the reply fixtures have 1 problem")
                .hasMessageContaining(fixtures.resolve("weather.json") + ": match.trun: unknown member (did you mean"
                        + " \"turn\"?)");
    }

    @Test
    void validateFixturesSaysAllIsWellWithExitCodeZero() throws IOException {
        Path fixtures = fixtures(RULE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.validateFixtures(new String[] {fixtures.toString()}, print(out), print(err));

        assertThat(code).isZero();
        assertThat(text(out)).isEqualTo(fixtures + ": 1 reply rule in 1 file, all valid\n");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void validateFixturesNamesEachBadMemberWithExitCodeOne() throws IOException {
        Path fixtures = fixtures("{\"rules\": [{\"name\": \"r\", \"reply\": {\"text\": \"x\"}, \"match\":"
                + " {\"trun\": 1}}, {\"name\": \"s\", \"reply\": {\"text\": \"x\", \"finish_reason\": \"done\"}}]}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.validateFixtures(new String[] {fixtures.toString()}, print(out), print(err));

        assertThat(code).isEqualTo(1);
        assertThat(text(out)).isEmpty();
        Path file = fixtures.resolve("weather.json");
        assertThat(text(err)).contains("aigw-emulator: " + file + ": rules[0].match.trun: unknown member (did you mean"
                        + " \"turn\"?)")
                .contains("aigw-emulator: " + file + ": rules[1].reply.finish_reason: expected one of \"stop\","
                        + " \"length\", \"tool_calls\", \"content_filter\", got \"done\"")
                .endsWith("aigw-emulator: 2 problems found\n");
    }

    @Test
    void validateFixturesWithoutADirectoryPrintsItsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(Main.validateFixtures(new String[0], print(new ByteArrayOutputStream()), print(err)))
                .isEqualTo(Main.BAD_CONFIG);
        assertThat(text(err)).isEqualTo("aigw-emulator: usage: validate-fixtures DIR [DIR...]\n");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
