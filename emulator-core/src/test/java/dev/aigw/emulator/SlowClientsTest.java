package dev.aigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.emulator.testsupport.ApiReply;
import dev.aigw.emulator.testsupport.ManagementApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients that send slowly, or send nonsense, never hold a thread or a connection for long: a request whose
 * headers or body do not arrive within the read timeout loses its connection, on every surface, and slow uploads
 * never delay the management API.
 */
@Timeout(60)
class SlowClientsTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    /** How much later than the timeout a cut may come: XNIO's timers and a busy CI machine. */
    private static final Duration SLACK = Duration.ofMillis(2_500);

    private final List<Socket> sockets = new ArrayList<>();
    private final ExecutorService senders = Executors.newCachedThreadPool();
    private AiGatewayEmulator emulator;

    @AfterEach
    void close() throws IOException {
        senders.shutdownNow();
        for (Socket socket : sockets) {
            socket.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/client/v4/accounts/" + AiGatewayEmulator.DEFAULT_ACCOUNT_ID + "/ai-gateway/gateways",
        "/__emulator/scripts/openai",
        "/v1/" + AiGatewayEmulator.DEFAULT_ACCOUNT_ID + "/gw/openai/chat/completions"})
    void aBodyThatStopsArrivingLosesItsConnectionAfterTheReadTimeout(String path) throws Exception {
        emulator = AiGatewayEmulator.builder().requestReadTimeout(READ_TIMEOUT).build().start();
        Socket socket = connect();
        long start = System.nanoTime();
        send(socket, "POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + emulator.apiToken()
                + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\"");

        String answer = readUntilClosed(socket, READ_TIMEOUT.plus(SLACK));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer).as("what the emulator sent before closing").isEmpty();
        assertThat(took).as("time to close").isGreaterThanOrEqualTo(READ_TIMEOUT.minusMillis(50))
                .isLessThan(READ_TIMEOUT.plus(SLACK));
    }

    @Test
    void aChunkedBodyThatStopsArrivingLosesItsConnectionAfterTheReadTimeout() throws Exception {
        emulator = AiGatewayEmulator.builder().requestReadTimeout(READ_TIMEOUT).build().start();
        Socket socket = connect();
        send(socket, "POST /__emulator/scripts/openai HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\n[]\r\n");

        assertThat(readUntilClosed(socket, READ_TIMEOUT.plus(SLACK))).isEmpty();
    }

    @Test
    void fiftyConnectionsSendingTheirHeadersByteByByteAreClosedWithinTheReadTimeout() throws Exception {
        emulator = AiGatewayEmulator.builder().requestReadTimeout(READ_TIMEOUT).build().start();
        byte[] request = ("GET /__emulator/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + "y".repeat(200) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        List<Future<Duration>> cuts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Socket socket = connect();
            cuts.add(senders.submit(() -> trickle(socket, request, Duration.ofMillis(50))));
        }

        for (Future<Duration> cut : cuts) {
            assertThat(cut.get(30, TimeUnit.SECONDS)).as("time until the emulator closed the connection")
                    .isLessThan(READ_TIMEOUT.plus(SLACK));
        }
    }

    @Test
    void fortyUploadsAtOneBytePerSecondDoNotDelayTheManagementApi() throws Exception {
        emulator = AiGatewayEmulator.builder().workerThreads(32).build().start();
        ManagementApi api = ManagementApi.of(emulator);
        assertThat(api.get("/gateways").status()).as("a first call, to warm up").isEqualTo(200);
        String[] paths = {
            "/client/v4/accounts/" + AiGatewayEmulator.DEFAULT_ACCOUNT_ID + "/ai-gateway/gateways",
            "/__emulator/scripts/openai",
            "/v1/" + AiGatewayEmulator.DEFAULT_ACCOUNT_ID + "/gw/openai/chat/completions"};
        for (int i = 0; i < 40; i++) {
            Socket socket = connect();
            send(socket, "POST " + paths[i % 3] + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + emulator.apiToken() + "\r\nContent-Length: 1000\r\n\r\n");
            byte[] body = "x".repeat(1000).getBytes(StandardCharsets.US_ASCII);
            senders.submit(() -> trickle(socket, body, Duration.ofSeconds(1)));
        }
        Thread.sleep(1_500);

        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            ApiReply reply = api.get("/gateways");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(took).as("GET /gateways beside 40 slow uploads").isLessThan(Duration.ofSeconds(2));
        }
    }

    /**
     * Undertow's chunk parser skips to the end of the line after a chunk's data, so {@code abc0\r\n} reads as the
     * chunk {@code abc}, and it then waits for the next chunk's size: the read timeout is what ends the wait.
     */
    @Test
    void aMalformedChunkedBodyIsRefusedOrClosedWithinTheReadTimeout() throws Exception {
        emulator = AiGatewayEmulator.builder().requestReadTimeout(READ_TIMEOUT).build().start();
        Socket socket = connect();
        send(socket, "POST /__emulator/scripts/openai HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc0\r\n\r\n");

        String answer = readUntilClosed(socket, READ_TIMEOUT.plus(SLACK));

        assertThat(answer).satisfiesAnyOf(
                a -> assertThat(a).isEmpty(),
                a -> assertThat(a).startsWith("HTTP/1.1 400 "));
    }

    private Socket connect() throws IOException {
        URI uri = URI.create(emulator.baseUrl());
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        sockets.add(socket);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Sends {@code bytes} one at a time, {@code pause} apart, until they are sent or the emulator closes the
     * connection; returns how long that took.
     */
    private static Duration trickle(Socket socket, byte[] bytes, Duration pause) throws InterruptedException {
        long start = System.nanoTime();
        try {
            socket.setSoTimeout(1);
            OutputStream out = socket.getOutputStream();
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(pause.toMillis());
                try {
                    if (socket.getInputStream().read() == -1) {
                        break;
                    }
                } catch (SocketTimeoutException stillOpen) {
                    // Nothing to read yet: the connection is still open.
                }
            }
        } catch (IOException closed) {
            // The emulator closed the connection (a reset, seen on a write).
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Reads what the emulator sends until it closes the connection; fails if it is still open after {@code max}. */
    private static String readUntilClosed(Socket socket, Duration max) throws IOException {
        socket.setSoTimeout((int) max.toMillis());
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection is still open after " + max + "; read so far: " + read, e);
        } catch (IOException reset) {
            // Closed with a reset: what was read is what there is.
        }
        return read.toString(StandardCharsets.US_ASCII);
    }
}
