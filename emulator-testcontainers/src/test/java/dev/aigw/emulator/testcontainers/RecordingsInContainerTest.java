package dev.aigw.emulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.ReplyProblem;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * A recordings directory of the host, mounted into the container, is replayed there with no network: the recorded
 * answer comes back, and a request nobody recorded is the loud 501 and a reply problem the test can read.
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmulatorImage.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecordingsInContainerTest {

    private static final String RECORDED = """
            {
              "provider" : "openai",
              "request" : {
                "method" : "POST",
                "path" : "/v1/chat/completions",
                "headers" : { "authorization" : "[REDACTED]", "content-type" : "application/json" },
                "body" : { "model" : "gpt-4o-mini", "messages" : [ { "role" : "user", "content" : "Hello" } ] }
              },
              "response" : {
                "status" : 200,
                "headers" : { "content-type" : "application/json" },
                "head_ms" : 250,
                "body" : { "id" : "chatcmpl-recorded", "object" : "chat.completion", "model" : "gpt-4o-mini",
                           "choices" : [ { "index" : 0, "finish_reason" : "stop",
                                           "message" : { "role" : "assistant", "content" : "Recorded hello" } } ] }
              }
            }
            """;

    @Test
    void aMountedRecordingIsReplayedInTheContainerAndAnUnrecordedRequestIsALoudMiss(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("openai-chat-completions-0a1b2c3d.json"), RECORDED);
        // The image runs as nobody: the mounted directory and its file must be readable by any user.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        try (AiGatewayContainer container = new AiGatewayContainer(EmulatorImage.NAME)
                .withRecordings(dir, "openai=replay")) {
            container.start();
            String url = container.emulator().providerUrl("default", "openai") + "/chat/completions";
            String token = "Bearer " + container.emulator().apiToken();

            HttpResponse<String> replayed = Http.post(url,
                    "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}",
                    "cf-aig-authorization", token, "authorization", "Bearer sk-test");
            HttpResponse<String> missed = Http.post(url,
                    "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Goodbye\"}]}",
                    "cf-aig-authorization", token, "authorization", "Bearer sk-test");

            assertThat(replayed.statusCode()).isEqualTo(200);
            assertThat(replayed.body()).contains("Recorded hello");
            assertThat(missed.statusCode()).isEqualTo(501);
            assertThat(missed.body()).contains("openai-chat-completions-0a1b2c3d.json");
            assertThat(container.emulator().replyProblems()).extracting(ReplyProblem::kind)
                    .containsExactly(ReplyProblem.Kind.REPLAY_MISS);
            assertThat(container.emulator().recordings().list()).hasSize(1);
        }
    }
}
