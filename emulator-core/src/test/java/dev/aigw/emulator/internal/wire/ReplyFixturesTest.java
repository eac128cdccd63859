package dev.aigw.emulator.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ModelReply;
import dev.aigw.emulator.ReplyRule;
import dev.aigw.emulator.internal.provider.registry.ProviderRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory of reply fixture files is read in file-name order, one rule or {@code {"rules": [...]}} a file, and
 * every problem in it is named with its file and the JSON path of the bad member, in one pass.
 */
class ReplyFixturesTest {

    private static final ProviderRegistry PROVIDERS = ProviderRegistry.withBuiltIns();

    @TempDir
    Path dir;

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    @Test
    void theFilesAreReadInFileNameOrderEachOneRuleOrAList() throws IOException {
        write("20-answer.json", "{\"name\": \"answer\", \"match\": {\"tool_result_for\": \"get_weather\"},"
                + " \"reply\": {\"text\": \"Sunny.\"}}");
        write("10-weather.json", "{\"rules\": [{\"name\": \"weather\", \"match\": {\"turn\": 0}, \"reply\":"
                + " {\"tool_calls\": [{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]}},"
                + " {\"name\": \"other\", \"reply\": {\"text\": \"x\"}}], \"test_id\": \"t-1\"}");
        write("notes.txt", "not a fixture");
        Files.createDirectory(dir.resolve("nested.json"));

        List<ReplyRule> rules = ReplyFixtures.load(dir, PROVIDERS);

        assertThat(rules).extracting(ReplyRule::name).containsExactly("weather", "other", "answer");
        assertThat(rules.get(0)).isEqualTo(ReplyRule.builder("weather").turn(0).testId("t-1")
                .reply(ModelReply.toolCall("get_weather", "{\"city\":\"Paris\"}")).build());
        assertThat(rules.get(2).match().testId()).isNull();
    }

    @Test
    void everyBadMemberIsNamedWithItsFileAndPathAndADidYouMean() throws IOException {
        Path a = write("a.json", "{\"rules\": [{\"name\": \"ok\", \"reply\": {\"text\": \"x\"}},"
                + " {\"name\": \"r\", \"reply\": {\"text\": \"x\"}, \"match\": {\"trun\": 1}},"
                + " {\"name\": \"s\", \"reply\": {\"text\": \"x\"}, \"match\": {\"turn\": -1}}]}");
        Path b = write("b.json", "{\"name\": \"t\", \"replies\": [{\"text\": \"x\"}, {\"tool_calls\":"
                + " [{\"name\": \"f\", \"arguments\": \"[1]\"}]}]}");
        Path c = write("c.json", "{\"name\": \"u\", \"reply\": {\"text\": \"x\"}, \"match\": {\"provider\": \"opnai\"}}");
        Path d = write("d.json", "{\"rules\": [}");
        Path e = write("e.json", "{\"rules\": []}");
        Path f = write("f.json", "");

        ReplyFixtures.Read read = ReplyFixtures.read(dir, PROVIDERS);

        assertThat(read.rules()).extracting(ReplyRule::name).containsExactly("ok");
        assertThat(read.files()).hasSize(6);
        assertThat(read.problems()).hasSize(7);
        assertThat(read.problems().get(0)).isEqualTo(a + ": rules[1].match.trun: unknown member (did you mean"
                + " \"turn\"?); the members are provider, model, last_user_message, system_prompt, turn,"
                + " tool_result_for, offers_tool, metadata, test_id");
        assertThat(read.problems().get(1)).isEqualTo(a + ": rules[2].match.turn: expected an integer >= 0, got -1");
        assertThat(read.problems().get(2)).isEqualTo(b + ": replies[1].tool_calls[0].arguments: arguments of tool"
                + " call 'f' must be a JSON object, got array: [1]");
        assertThat(read.problems().get(3)).startsWith(c + ": match.provider: ").contains("\"openai\"");
        assertThat(read.problems().get(4)).startsWith(d + ": not valid JSON at line 1, column 12");
        assertThat(read.problems().get(5)).isEqualTo(e + ": rules: expected a non-empty array of reply rules, got []");
        assertThat(read.problems().get(6)).startsWith(f + ": is empty");
    }

    @Test
    void aFileThatIsNoObjectIsNamedAtItsTopLevel() throws IOException {
        Path file = write("a.json", "[{\"name\": \"r\"}]");

        assertThat(ReplyFixtures.read(dir, PROVIDERS).problems()).containsExactly(file + ": (top level): expected a"
                + " reply rule object or {\"rules\": [...]}, got [{\"name\":\"r\"}]");
    }

    @Test
    void aMissingOrEmptyDirectoryIsAProblem() throws IOException {
        assertThat(ReplyFixtures.read(dir.resolve("nope"), PROVIDERS).problems())
                .containsExactly(dir.resolve("nope") + ": no such directory; reply fixtures are a directory of *.json files");
        assertThat(ReplyFixtures.read(dir, PROVIDERS).problems())
                .containsExactly(dir + ": holds no *.json files; each fixture file is a reply rule or {\"rules\": [...]}");
        Path file = write("a.json", "{}");
        assertThat(ReplyFixtures.read(file, PROVIDERS).problems()).containsExactly(file + ": is not a directory;"
                + " reply fixtures are a directory of *.json files");
    }

    @Test
    void theBuilderAddsTheFixturesRulesWhichStayThroughAReset() throws IOException {
        write("a.json", "{\"name\": \"fixture\", \"reply\": {\"text\": \"from the file\"}}");

        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder()
                .replyRules(ReplyRule.builder("first").reply(ModelReply.text("x")).build())
                .replyFixtures(dir).build()) {
            emulator.replies().add(ReplyRule.builder("runtime").reply(ModelReply.text("y")).build());
            emulator.reset();

            assertThat(emulator.replies().list()).extracting(ReplyRule::name).containsExactly("first", "fixture");
        }
    }

    @Test
    void theBuilderRefusesABadDirectoryListingEveryProblem() throws IOException {
        write("a.json", "{\"name\": \"r\", \"reply\": {\"txt\": \"x\"}}");
        write("b.json", "{\"name\": \"s\"}");

        assertThatThrownBy(() -> AiGatewayEmulator.builder().replyFixtures(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the reply fixtures in " + dir + " have 2 problems:\n  ")
                .hasMessageContaining("a.json: reply.txt: unknown member (did you mean \"text\"?)")
                .hasMessageContaining("b.json: (top level): rule \"s\" needs either \"reply\"");
    }
}
