package dev.aigw.emulator.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The emulator's server is put together from XNIO's parts instead of {@code Undertow.start()}: it answers byte for
 * byte what an Undertow server built through the public API answers with the same handler.
 */
@Timeout(30)
class EmulatorServerTest {

    /** Answers the method, path and body length on the I/O thread, or on a worker in chunks under /chunked. */
    private static final HttpHandler ECHO = exchange -> {
        if (exchange.getRequestPath().equals("/chunked")) {
            exchange.dispatch(() -> {
                exchange.startBlocking();
                try (OutputStream out = exchange.getOutputStream()) {
                    for (int i = 0; i < 3; i++) {
                        out.write(("part " + i + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            return;
        }
        exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
            ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
            ex.getResponseHeaders().put(new HttpString("x-method"), ex.getRequestMethod().toString());
            ex.getResponseSender().send(ex.getRequestURI() + " " + body.length);
        });
    };

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b?q=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /chunked HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        "GET /d HTTP/1.0\r\n\r\n",
        "GET /e HTTP/1.1\r\nHost x\r\n\r\n",
    })
    void answersWhatAnUndertowServerStartedThroughItsPublicApiAnswers(String requests) throws Exception {
        LibraryLogs.quiet(); // the bare Undertow below may be the JVM's first: it would log its start at INFO
        String undertow = exchange(() -> {
            Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                    .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                    .setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME, false)
                    .setHandler(ECHO).build();
            server.start();
            return new Running(((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort(),
                    server::stop);
        }, requests);
        String emulator = exchange(() -> {
            EmulatorServer server = new EmulatorServer("emulator-server-test", "127.0.0.1", 0, 1, 4, Duration.ofSeconds(5), ECHO);
            return new Running(server.start(), server::stop);
        }, requests);

        assertThat(emulator).isNotEmpty().isEqualTo(undertow);
    }

    @Test
    void stopEndsTheAcceptThreadAndTheIoThreads() {
        EmulatorServer server = new EmulatorServer("emulator-server-threads", "127.0.0.1", 0, 2, 1, Duration.ofSeconds(5), ECHO);
        server.start();
        assertThat(threadsNamed("emulator-server-threads")).hasSize(3);

        server.stop();

        assertThat(threadsNamed("emulator-server-threads")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", ""})
    void closesAKeptAliveConnectionThatSendsNoNewRequest(String firstRequest) throws Exception {
        EmulatorServer server = new EmulatorServer("emulator-server-idle", "127.0.0.1", 0, 1, 1, Duration.ofSeconds(5),
                Duration.ofMillis(300), ECHO);
        try (Socket socket = new Socket("127.0.0.1", server.start())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(firstRequest.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();

            // Reads the answer to the first request (if any), then the end of the stream: the server closed it.
            byte[] all = socket.getInputStream().readAllBytes();

            assertThat(new String(all, StandardCharsets.ISO_8859_1))
                    .startsWith(firstRequest.isEmpty() ? "" : "HTTP/1.1 200");
        } finally {
            server.stop();
        }
    }

    private static java.util.List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(prefix)).toList();
    }

    private record Running(int port, Runnable stop) {
    }

    /** Starts a server, sends the raw requests on one connection and returns every byte read until it closes. */
    private static String exchange(Supplier<Running> start, String requests) throws IOException {
        Running server = start.get();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } finally {
            server.stop().run();
        }
    }
}
