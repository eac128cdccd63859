package dev.aigw.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A test class gets reply rules from a fixture directory and strict replies from the annotation or the builder, and a
 * test that ends with reply problems (here: a request no rule matched in strict mode) fails, listing them.
 */
@Timeout(60)
class ReplyFixturesTest {

    private static final String UNMATCHED = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"What time is it?\"}]}";

    @Test
    void theAnnotationLoadsTheFixturesAndAnUnmatchedRequestFailsTheTestAtItsEnd() {
        EngineExecutionResults results = Kit.run(Declared.class);

        assertThat(Kit.failureOf(results, "sendsARequestNoRuleMatches")).isExactlyInstanceOf(AssertionError.class)
                .hasMessageStartingWith("1 reply problem:\n  - UNMATCHED (openai, gateway gw): strict replies: no reply"
                        + " rule matches this request (latest user message \"What time is it?\", turn 0); closest:"
                        + " 'greeting'");
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    }

    @Test
    void theBuilderDoesTheSame() {
        EngineExecutionResults results = Kit.run(Registered.class);

        assertThat(Kit.failureOf(results, "sendsARequestNoRuleMatches")).hasMessageStartingWith("1 reply problem:");
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    }

    @Test
    void theFailureSaysHowToLetATestEndWithReplyProblems() {
        assertThat(Kit.failureOf(Kit.run(Declared.class), "sendsARequestNoRuleMatches"))
                .hasMessageEndingWith("use @AiGatewayTest(failOnReplyProblems = false) or"
                        + " AiGatewayExtension.builder().failOnReplyProblems(false)");
    }

    @Test
    void aTestThatExpectsAStrictModeRefusalPassesWhenTheExtensionIsToldNotToFail() {
        assertThat(Kit.run(ExpectingRefusals.class).testEvents().succeeded().count()).isEqualTo(1);
        assertThat(Kit.run(ExpectingRefusalsRegistered.class).testEvents().succeeded().count()).isEqualTo(1);
    }

    @Test
    void aBadFixtureDirectoryIsAConfigurationErrorNamingIt() {
        Throwable failure = Kit.run(Missing.class).allEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow())
                .findFirst().orElseThrow();

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@AiGatewayTest on " + Missing.class.getName())
                .hasMessageContaining("no-such-dir: no such directory");
    }

    @Fixture
    @AiGatewayTest(gateways = "gw", replyFixtures = "src/test/resources/replies", strictReplies = true)
    static class Declared {
        @Test
        void getsTheFixturesReply(AiGatewayEmulator emulator) {
            HttpResponse<String> response = Traffic.chat(emulator, "gw");

            assertThat(response.body()).contains("\"content\":\"Hello from the fixture.\"");
        }

        @Test
        void sendsARequestNoRuleMatches(AiGatewayEmulator emulator) {
            HttpResponse<String> response = Traffic.post(emulator.providerUrl("gw", "openai") + "/chat/completions",
                    UNMATCHED);

            assertThat(response.statusCode()).isEqualTo(400);
        }
    }

    @Fixture
    static class Registered {
        @RegisterExtension
        static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder().gateways("gw")
                .replyFixtures(Path.of("src/test/resources/replies")).strictReplies(true).build();

        @Test
        void getsTheFixturesReply() {
            assertThat(Traffic.chat(GATEWAY.emulator(), "gw").body()).contains("Hello from the fixture.");
        }

        @Test
        void sendsARequestNoRuleMatches() {
            Traffic.post(GATEWAY.emulator().providerUrl("gw", "openai") + "/chat/completions", UNMATCHED);
        }
    }

    @Fixture
    @AiGatewayTest(gateways = "gw", strictReplies = true, failOnReplyProblems = false)
    static class ExpectingRefusals {
        @Test
        void getsTheStrictModeRefusal(AiGatewayEmulator emulator) {
            HttpResponse<String> response = Traffic.post(emulator.providerUrl("gw", "openai") + "/chat/completions",
                    UNMATCHED);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(emulator.replyProblems()).hasSize(1);
        }
    }

    @Fixture
    static class ExpectingRefusalsRegistered {
        @RegisterExtension
        static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder().gateways("gw").strictReplies(true)
                .failOnReplyProblems(false).build();

        @Test
        void getsTheStrictModeRefusal() {
            assertThat(Traffic.post(GATEWAY.emulator().providerUrl("gw", "openai") + "/chat/completions", UNMATCHED)
                    .statusCode()).isEqualTo(400);
        }
    }

    @Fixture
    @AiGatewayTest(replyFixtures = "src/test/resources/no-such-dir")
    static class Missing {
        @Test
        void neverRuns() {
        }
    }
}
