package dev.aigw.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class DriftCommandTest {

    private static final String CHAT = """
            {
              "provider": "openai",
              "request": {
                "method": "POST",
                "path": "/v1/chat/completions",
                "headers": {"authorization": "[REDACTED]", "content-type": "application/json"},
                "body": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hi"}]}
              },
              "response": {
                "status": 200,
                "headers": {"content-type": "application/json", "x-request-id": "req_1"},
                "head_ms": 300,
                "body": {"id": "chatcmpl-1", "object": "chat.completion", "echo": "recorded",
                         "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello"}}],
                         "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
              }
            }
            """;
    private static final String STREAM = """
            {
              "provider": "anthropic",
              "request": {"method": "POST", "path": "/v1/messages", "headers": {"x-api-key": "[REDACTED]"},
                          "body": {"model": "claude-sonnet-4-5", "stream": true, "messages": []}},
              "response": {
                "status": 200,
                "headers": {"content-type": "text/event-stream"},
                "events": [{"at_ms": 900, "event": "message_start", "data": {"type": "message_start"}},
                           {"at_ms": 950, "event": "message_stop", "data": {"type": "message_stop"}}]
              }
            }
            """;

    @TempDir
    Path recordings;

    private HttpServer server;
    private final List<String> credentials = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String provider(String chatAnswer) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            credentials.add(String.valueOf(exchange.getRequestHeaders().getFirst(
                    exchange.getRequestURI().getPath().equals("/v1/messages") ? "x-api-key" : "authorization")));
            boolean stream = exchange.getRequestURI().getPath().equals("/v1/messages");
            byte[] body = (stream ? "event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
                    + "event: ping\ndata: {\"type\":\"ping\"}\n\n"
                    + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n" : chatAnswer)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", stream ? "text/event-stream" : "application/json");
            exchange.getResponseHeaders().add("x-request-id", "req_2");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private int drift(Map<String, String> env, String... args) {
        return DriftCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLiveProviderWithOneAddedAndOneRemovedFieldIsReportedAndExitsNonZero() throws Exception {
        Files.writeString(recordings.resolve("openai-chat-completions-0a1b2c3d.json"), CHAT);
        String url = provider("{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion\",\"echo\":\"now\","
                + "\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Other words\"}}]}");

        int exit = drift(Map.of("OPENAI_API_KEY", "sk-drift-key"), "--recordings", recordings.toString(),
                "--against", "live", "--upstream", "openai=" + url);

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("DRIFT       openai-chat-completions-0a1b2c3d.json",
                "    body.usage: removed (object recorded)", "    body.system_fingerprint: added (string)",
                "1 recording checked against the live providers, 1 drifted");
        assertThat(printed()).doesNotContain("body.choices", "body.id");
        assertThat(credentials).containsExactly("Bearer sk-drift-key");
    }

    @Test
    void theSameShapeWithOtherValuesIsNoDrift() throws Exception {
        Files.writeString(recordings.resolve("openai-chat-completions-0a1b2c3d.json"), CHAT);
        String url = provider("{\"id\":\"chatcmpl-9\",\"object\":\"chat.completion\",\"echo\":\"other\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Bye\"}}],"
                + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,\"total_tokens\":10}}");

        assertThat(drift(Map.of(), "--recordings", recordings.toString(), "--against", "live", "--upstream",
                "openai=" + url)).isEqualTo(0);
        assertThat(printed()).contains("same shape  openai-chat-completions-0a1b2c3d.json", "0 drifted");
    }

    @Test
    void aStreamWithANewEventTypeIsReported() throws Exception {
        Files.writeString(recordings.resolve("anthropic-messages-0a1b2c3d.json"), STREAM);
        String url = provider("{}");

        int exit = drift(Map.of("ANTHROPIC_API_KEY", "sk-ant-x"), "--recordings", recordings.toString(),
                "--against", "live", "--upstream", "anthropic=" + url);

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("stream event types: [message_start, message_stop] recorded,"
                + " [message_start, ping, message_stop] now");
        assertThat(credentials).containsExactly("sk-ant-x");
    }

    @Test
    void againstTheFakeItTellsWhereTheFakeDriftsFromTheRecording() throws Exception {
        Files.writeString(recordings.resolve("openai-chat-completions-0a1b2c3d.json"), CHAT);

        int exit = drift(Map.of(), "--recordings", recordings.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("body.echo: removed (string recorded)", "body.system_fingerprint: added (string)",
                "checked against the emulator's fakes");
    }

    @Test
    void badUsageAndMalformedRecordingsExitWithTwo() throws Exception {
        assertThat(drift(Map.of(), "--against", "fake")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no recordings directory");
        assertThat(drift(Map.of(), "--recordings", recordings.toString(), "--against", "staging")).isEqualTo(2);
        Files.writeString(recordings.resolve("bad.json"), "{\"provider\": \"openai\"}");
        assertThat(drift(Map.of(), "--recordings", recordings.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.json", "request: expected an object");
    }
}
