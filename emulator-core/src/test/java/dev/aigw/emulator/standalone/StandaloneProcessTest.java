package dev.aigw.emulator.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.testsupport.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone emulator as a program: a child JVM started with a config file serves what the file declares,
 * ends promptly and cleanly on SIGTERM and frees its port; bad configuration and a busy port end it with
 * their own exit codes and messages.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StandaloneProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+)) ");
    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Hello there\"}]}";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void servesTheConfiguredEmulatorAndStopsCleanlyOnSigterm() throws Exception {
        Path config = write("""
                {"clock": "virtual", "api_token": "e2e-token",
                 "tokens": [{"value": "reader", "permissions": ["AI Gateway - Read"]}],
                 "gateways": [{"id": "e2e", "cache_invalidate_on_update": false, "cache_ttl": 0,
                               "collect_logs": true, "rate_limiting_interval": 0, "rate_limiting_limit": 0}],
                 "scripts": [{"provider": "openai", "gateway_id": "e2e", "steps": [{"status": 503}]}]}
                """);
        Running emulator = start("--config", config.toString(), "--port", "0");

        assertThat(emulator.startLine()).isEqualTo("AI Gateway emulator listening on " + emulator.baseUrl()
                + " account_id=0123456789abcdef0123456789abcdef api_token=e2e-token clock=virtual gateways=1 config="
                + config);
        assertThat(get(emulator.baseUrl() + "/__emulator/health", null).body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(get(emulator.baseUrl() + "/__emulator/clock", null).body()).contains("\"mode\":\"auto\"");
        JsonNode gateways = JSON.readTree(get(emulator.baseUrl()
                + "/client/v4/accounts/0123456789abcdef0123456789abcdef/ai-gateway/gateways", "reader").body());
        assertThat(gateways.get("result").get(0).get("id").textValue()).isEqualTo("e2e");

        String chat = emulator.baseUrl() + "/v1/0123456789abcdef0123456789abcdef/e2e/openai/chat/completions";
        assertThat(post(chat).statusCode()).as("the scripted 503").isEqualTo(503);
        HttpResponse<String> reply = post(chat);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reply.body()).at("/choices/0/message/content").textValue())
                .isEqualTo("Emulated reply from gpt-4o-mini to: Hello there");

        long sent = System.nanoTime();
        emulator.process().destroy();
        assertThat(emulator.process().waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s of SIGTERM").isTrue();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);

        assertThat(tookMillis).as("ms from SIGTERM to exit").isLessThan(3000);
        assertThat(emulator.process().exitValue()).as("the JVM's exit code after SIGTERM").isEqualTo(143);
        assertThat(Files.readString(emulator.stdout()).strip()).isEqualTo(emulator.startLine()
                + "\nAI Gateway emulator stopped");
        assertThat(Files.readString(emulator.stderr())).isEmpty();
        try (ServerSocket freed = new ServerSocket(emulator.port(), 1, InetAddress.getLoopbackAddress())) {
            assertThat(freed.getLocalPort()).isEqualTo(emulator.port());
        }
    }

    @Test
    void withNoLoggingBackendAStartAndAStopPrintOnlyTheBanner() throws Exception {
        Running emulator = start(ChildJvm.withoutLoggingBackend(), "--port", "0");
        assertThat(get(emulator.baseUrl() + "/__emulator/health", null).statusCode()).isEqualTo(200);
        assertThat(get(emulator.baseUrl() + "/client/v4/accounts/0123456789abcdef0123456789abcdef/ai-gateway/gateways",
                AiGatewayEmulator.DEFAULT_API_TOKEN).statusCode()).isEqualTo(200);

        emulator.process().destroy();

        assertThat(emulator.process().waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s of SIGTERM").isTrue();
        assertThat(Files.readString(emulator.stdout()).strip()).isEqualTo(emulator.startLine()
                + "\nAI Gateway emulator stopped");
        assertThat(Files.readString(emulator.stderr())).isEmpty();
    }

    @Test
    void invalidConfigurationEndsWithExitCodeTwoAndNamesTheField() throws Exception {
        Path config = write("{\"gateways\": [{\"id\": \"Bad Id\"}]}");
        Process process = launch("--config", config.toString());

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("stderr.txt")).strip()).isEqualTo("aigw-emulator: config file "
                + config + ": gateways[0].id: expected a string of lower-case letters, digits and '_', with single '-'"
                + " between groups, got \"Bad Id\"");
    }

    @Test
    void aBusyPortEndsWithExitCodeOne() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process process = launch("--port", String.valueOf(busy.getLocalPort()));

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("stderr.txt")))
                    .startsWith("aigw-emulator: could not start the emulator's server: ");
        }
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        Process process = launch("--help");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("stdout.txt"))).isEqualTo(Main.usage());
    }

    @Test
    void aReplyFixtureDirectoryNamedByTheConfigFileAnswersThroughTheProxyAndStrictModeRefusesTheRest()
            throws Exception {
        Files.createDirectories(dir.resolve("replies"));
        Files.writeString(dir.resolve("replies/10-hello.json"), """
                {"rules": [{"name": "hello", "match": {"last_user_message": {"contains": "Hello"}},
                            "reply": {"text": "Hello from a fixture file."}}]}""");
        Path config = write("""
                {"reply_fixtures": "replies",
                 "gateways": [{"id": "e2e", "cache_invalidate_on_update": false, "cache_ttl": 0,
                               "collect_logs": true, "rate_limiting_interval": 0, "rate_limiting_limit": 0}]}
                """);
        Running emulator = start("--config", config.toString(), "--port", "0", "--strict-replies");

        String chat = emulator.baseUrl() + "/v1/0123456789abcdef0123456789abcdef/e2e/openai/chat/completions";
        HttpResponse<String> reply = post(chat);
        assertThat(JSON.readTree(reply.body()).at("/choices/0/message/content").textValue())
                .isEqualTo("Hello from a fixture file.");
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(chat))
                .header("content-type", "application/json").header("authorization", "Bearer sk-test")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT.replace("Hello", "Bye"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(get(emulator.baseUrl() + "/__emulator/reply-problems", null).body()).contains("\"unmatched\"");
    }

    @Test
    void validateFixturesExitsOneNamingEachBadMemberAndZeroWhenAllIsValid() throws Exception {
        Path fixtures = Files.createDirectories(dir.resolve("replies"));
        Path file = Files.writeString(fixtures.resolve("a.json"), "{\"name\": \"r\", \"reply\": {\"text\": \"x\"},"
                + " \"match\": {\"trun\": 1}}");

        Process bad = launch("validate-fixtures", fixtures.toString());

        assertThat(bad.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("aigw-emulator: " + file
                + ": match.trun: unknown member (did you mean \"turn\"?)");

        Files.writeString(file, "{\"name\": \"r\", \"reply\": {\"text\": \"x\"}}");
        Process good = launch("validate-fixtures", fixtures.toString());

        assertThat(good.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(good.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("stdout.txt")).strip())
                .isEqualTo(fixtures + ": 1 reply rule in 1 file, all valid");
    }

    private record Running(Process process, String startLine, String baseUrl, int port, Path stdout, Path stderr) {
    }

    /**
     * Starts the emulator and waits for its start-up line. Output goes to files: {@link Process#destroy()}
     * closes the pipes, and what the process prints while stopping would be lost.
     */
    private Running start(String... args) throws Exception {
        return start(ChildJvm.withSlf4jSimple(), args);
    }

    private Running start(ChildJvm jvm, String... args) throws Exception {
        Process process = launch(jvm, args);
        Path stdout = dir.resolve("stdout.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher m = LISTENING.matcher(Files.readString(stdout));
            if (m.find()) {
                String line = Files.readString(stdout).lines().findFirst().orElseThrow();
                return new Running(process, line, m.group(1), Integer.parseInt(m.group(2)), stdout,
                        dir.resolve("stderr.txt"));
            }
            process.waitFor(20, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("no start-up line; stdout: " + Files.readString(stdout) + "; stderr: "
                + Files.readString(dir.resolve("stderr.txt")));
    }

    /** Starts {@code java -cp <test class path> ...Main args} with no AIGW_* variables inherited. */
    private Process launch(String... args) throws IOException {
        return launch(ChildJvm.withSlf4jSimple(), args);
    }

    private Process launch(ChildJvm jvm, String... args) throws IOException {
        Process process = jvm.start(dir, Main.class, args).process();
        processes.add(process);
        return process;
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("aigw.json"), json);
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CHAT)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
