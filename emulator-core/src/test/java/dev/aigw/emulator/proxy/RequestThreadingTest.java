package dev.aigw.emulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every body is read as it arrives, without blocking; requests that need not wait are then served on the I/O
 * thread that read them, and everything that may wait (a script, the clock, a real upstream) moves to a worker.
 * Each way in must answer exactly as before, and a request that waits must never hold up one that does not.
 */
@Timeout(30)
class RequestThreadingTest {

    private final VirtualClock clock = VirtualClock.manual();
    private final AiGatewayEmulator emulator = AiGatewayEmulator.builder()
            .ioThreads(1).clock(clock).maxBodyBytes(1024).build().start();
    private final ProxyClient client = new ProxyClient(emulator);

    @AfterEach
    void close() {
        emulator.close();
    }

    @Test
    void aChunkedRequestBodyIsReadWholeAndAnswered() throws Exception {
        emulator.createGateway("gw");

        HttpResponse<String> response = send(chunked(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Emulated reply from gpt-4o-mini to: Hello there");
        assertThat(emulator.takeRequest().bodyText()).isEqualTo(ProxyClient.CHAT);
    }

    @Test
    void aChunkedRequestBodyOverTheLimitIs413AndReachesNoProvider() throws Exception {
        emulator.createGateway("gw");
        String big = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(2000) + "\"}]}";

        HttpResponse<String> response = send(chunked(client.path("gw", "openai/chat/completions"), big));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ProxyClient.json(response).get("name").textValue()).isEqualTo("AiGatewayError");
        assertThat(emulator.recordedRequests()).isEmpty();
    }

    @Test
    void aBodyThatArrivesInPiecesIsReadWholeBeforeTheGatewayLooksAtIt() throws Exception {
        emulator.createGateway("gw");
        byte[] body = ProxyClient.CHAT.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + client.path("gw", "openai/chat/completions") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";

        try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, 10);
            out.flush();
            // The rest comes once the server has certainly seen the head and the first bytes: it must wait for them.
            Thread.sleep(100);
            out.write(body, 10, body.length - 10);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(answer).contains("Emulated reply from gpt-4o-mini to: Hello there");
        }
        assertThat(emulator.takeRequest().bodyText()).isEqualTo(ProxyClient.CHAT);
    }

    @Test
    void aBodyOver64KiBWithinTheLimitIsReadAsItArrivesAndAnswered() {
        try (AiGatewayEmulator roomy = AiGatewayEmulator.builder().ioThreads(1).build().start()) {
            roomy.createGateway("gw");
            ProxyClient roomyClient = new ProxyClient(roomy);
            String words = "word ".repeat(20_000).trim();

            HttpResponse<String> response = roomyClient.post(roomyClient.path("gw", "openai/chat/completions"),
                    "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + words + "\"}]}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Emulated reply from gpt-4o-mini to: word word");
            assertThat(roomy.takeRequest().body()).hasSizeGreaterThan(64 * 1024);
        }
    }

    @Test
    void aRequestWaitingOnTheClockDoesNotHoldUpAnUnscriptedOneOnTheSameIoThread() throws Exception {
        emulator.createGateway("gw");
        emulator.script("openai").enqueue(UpstreamResponse.builder().status(200).latency(Duration.ofSeconds(5)).build());
        HttpClient http = HttpClient.newHttpClient();

        CompletableFuture<HttpResponse<String>> waiting = http.sendAsync(
                post(client.path("gw", "openai/chat/completions"), ProxyClient.CHAT), HttpResponse.BodyHandlers.ofString());
        clock.awaitWaiters(1, Duration.ofSeconds(10));

        HttpResponse<String> other = client.post(client.path("gw", "anthropic/v1/messages"),
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(waiting).isNotDone();

        clock.advance(Duration.ofSeconds(5));
        assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnpacedStreamIsWrittenWholeInOneWrite() {
        emulator.createGateway("gw");

        HttpResponse<String> response = client.post(client.path("gw", "openai/chat/completions"),
                "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(response.body()).contains("\"content\":\"Emulated \"").endsWith("data: [DONE]\n\n");
    }

    @Test
    void ioThreadsBelowOneAreRefused() {
        assertThatThrownBy(() -> AiGatewayEmulator.builder().ioThreads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ioThreads must be >= 1");
    }

    private HttpRequest chunked(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("content-type", "application/json")
                // A publisher of unknown length: the JDK client sends the body chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(bytes)))
                .build();
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
