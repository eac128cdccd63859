package dev.aigw.emulator.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.RecordingMode;
import dev.aigw.emulator.RecordingSettings;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A test class replays recordings named on the annotation or the builder, on the virtual clock, and a test whose
 * request no recording matches fails at its end, naming the closest recording.
 */
@Timeout(60)
class RecordingsTest {

    private static final String OTHER = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Bye\"}]}";

    @Test
    void theAnnotationReplaysTheRecordingsAndAMissFailsTheTestAtItsEnd() {
        EngineExecutionResults results = Kit.run(Declared.class);

        assertThat(Kit.failureOf(results, "sendsARequestNothingRecorded")).isExactlyInstanceOf(AssertionError.class)
                .hasMessageStartingWith("1 reply problem:\n  - REPLAY_MISS (openai, gateway gw): no recording of openai"
                        + " matches POST /v1/chat/completions")
                .hasMessageContaining("openai-chat-completions-5d41402a.json (body.messages[0].content: recorded"
                        + " \"Hi\", sent \"Bye\")");
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    }

    @Test
    void theBuilderDoesTheSame() {
        EngineExecutionResults results = Kit.run(Registered.class);

        assertThat(Kit.failureOf(results, "sendsARequestNothingRecorded")).hasMessageContaining("REPLAY_MISS");
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
    }

    @Test
    void aModeWithoutADirectoryIsAConfigurationError() {
        Throwable failure = Kit.run(ModeWithoutDirectory.class).allEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow())
                .findFirst().orElseThrow();

        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("recordingMode = \"replay\" needs a recordings directory");
    }

    @Fixture
    @AiGatewayTest(gateways = "gw", recordings = "src/test/resources/recordings", recordingMode = "openai=replay")
    static class Declared {
        @Test
        void getsTheRecordedAnswerAfterItsRecordedLatencyInVirtualTime(AiGatewayEmulator emulator) {
            Instant before = emulator.clock().now();

            HttpResponse<String> response = Traffic.chat(emulator, "gw");

            assertThat(response.body()).contains("Hello from the recording.");
            assertThat(Duration.between(before, emulator.clock().now())).isEqualTo(Duration.ofMillis(420));
        }

        @Test
        void sendsARequestNothingRecorded(AiGatewayEmulator emulator) {
            HttpResponse<String> response = Traffic.post(emulator.providerUrl("gw", "openai") + "/chat/completions",
                    OTHER);

            assertThat(response.statusCode()).isEqualTo(501);
        }
    }

    @Fixture
    static class Registered {
        @RegisterExtension
        static final AiGatewayExtension GATEWAY = AiGatewayExtension.builder().gateways("gw")
                .recordings(RecordingSettings.in(Path.of("src/test/resources/recordings"))
                        .mode("openai", RecordingMode.REPLAY).build()).build();

        @Test
        void getsTheRecordedAnswer() {
            assertThat(Traffic.chat(GATEWAY.emulator(), "gw").body()).contains("Hello from the recording.");
        }

        @Test
        void sendsARequestNothingRecorded() {
            Traffic.post(GATEWAY.emulator().providerUrl("gw", "openai") + "/chat/completions", OTHER);
        }
    }

    @Fixture
    @AiGatewayTest(recordingMode = "replay")
    static class ModeWithoutDirectory {
        @Test
        void neverRuns() {
        }
    }
}
