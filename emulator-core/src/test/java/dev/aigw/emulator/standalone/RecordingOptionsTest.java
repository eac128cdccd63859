package dev.aigw.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.RecordingMode;
import dev.aigw.emulator.RecordingSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class RecordingOptionsTest {

    private static final String RECORDING = """
            {"provider": "openai",
             "request": {"method": "POST", "path": "/v1/chat/completions",
                         "body": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hi"}]}},
             "response": {"status": 200, "headers": {"content-type": "application/json"}, "head_ms": 40,
                          "body": {"id": "chatcmpl-recorded"}}}
            """;

    @TempDir
    Path dir;

    private StandaloneConfig resolve(String json, Map<String, String> env, String... args) throws Exception {
        Path file = dir.resolve("aigw.json");
        Files.writeString(file, json);
        Map<String, String> withConfig = new HashMap<>(env);
        withConfig.put("AIGW_CONFIG", file.toString());
        return StandaloneConfig.resolve(StandaloneOptions.parse(args, withConfig));
    }

    @Test
    void theConfigFileSetsTheRecordingsRelativeToItselfAndTheSwitchOverridesTheModes() throws Exception {
        StandaloneConfig config = resolve("""
                {"upstreams": {"openai": "http://127.0.0.1:9"},
                 "recordings": {"directory": "recorded", "mode": "replay", "modes": {"anthropic": "replay"},
                                "match": "model_and_messages", "ignore_fields": ["user"],
                                "redact_headers": ["x-team-key"], "redact_fields": ["metadata.email"]}}
                """, Map.of("AIGW_RECORDING_MODE", "off,anthropic=replay"));

        RecordingSettings recordings = config.recordings().orElseThrow();
        assertThat(recordings.directory()).isEqualTo(dir.resolve("recorded"));
        assertThat(recordings.mode()).isEqualTo(RecordingMode.OFF);
        assertThat(recordings.modeOf("anthropic")).isEqualTo(RecordingMode.REPLAY);
        assertThat(recordings.modelAndMessagesOnly()).isTrue();
        assertThat(recordings.ignoredFields()).containsExactly("user");
        assertThat(recordings.redactedHeaders()).containsExactly("x-team-key");
        assertThat(recordings.redactedFields()).containsExactly("metadata.email");
    }

    @Test
    void theStandaloneEmulatorReplaysTheRecordingsDirectoryGivenOnTheCommandLine() throws Exception {
        Path recorded = Files.createDirectories(dir.resolve("recorded"));
        Files.writeString(recorded.resolve("openai-chat-completions-0a1b2c3d.json"), RECORDING);
        StandaloneConfig config = resolve("{\"clock\": \"virtual\"}", Map.of(), "--recordings", recorded.toString(),
                "--recording-mode", "openai=replay", "--port", "0");

        try (AiGatewayEmulator emulator = config.builder().build().start()) {
            emulator.createGateway("gw");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            emulator.providerUrl("gw", "openai") + "/chat/completions"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("chatcmpl-recorded");
        }
    }

    @Test
    void badRecordingSettingsAreRefusedByMember() {
        assertThatThrownBy(() -> resolve("{\"recordings\": {\"directory\": \"r\", \"mode\": \"replya\"}}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("recordings.mode")
                .hasMessageContaining("replay");
        assertThatThrownBy(() -> resolve("{\"recordings\": {\"directory\": \"r\", \"modes\": {\"opnai\": \"replay\"}}}",
                Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("recordings.modes.opnai")
                .hasMessageContaining("did you mean \"openai\"");
        assertThatThrownBy(() -> resolve("{\"recordings\": {\"mode\": \"replay\"}}", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("recordings.directory");
        assertThatThrownBy(() -> resolve("{}", Map.of(), "--recording-mode", "replay"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--recording-mode: a recording mode needs a recordings directory: --recordings DIR,"
                        + " AIGW_RECORDINGS or \"recordings\" in the config file");
        assertThatThrownBy(() -> resolve("{}", Map.of(), "--recordings", "r", "--recording-mode", "rewind"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--recording-mode: expected record, replay");
    }
}
