package dev.aigw.emulator.proxy;

import static dev.aigw.emulator.proxy.ProxyClient.assertGatewayError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data plane never sends an informational status, or one above 599, as a final response: a real upstream
 * that answers one as its final status is a failed attempt, which the client gets as the gateway's 400/2005; an
 * interim 1xx before the final response is not relayed.
 */
@Timeout(30)
class InformationalUpstreamStatusTest {

    /** A server that answers every connection with the same bytes, whatever they say, then closes it. */
    private static final class RawUpstream implements AutoCloseable {

        private final ServerSocket socket;
        private final AtomicInteger accepted = new AtomicInteger();

        RawUpstream(String response, boolean closeAfter) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        accepted.incrementAndGet();
                        Thread connection = new Thread(() -> answer(s, response, closeAfter), "raw-upstream-connection");
                        connection.setDaemon(true);
                        connection.start();
                    } catch (IOException e) {
                        // Closed by the test: this server is done.
                    }
                }
            }, "raw-upstream");
            thread.setDaemon(true);
            thread.start();
        }

        /** Answers, then closes, or keeps the connection open as a keep-alive server would until the client does. */
        private static void answer(Socket s, String response, boolean closeAfter) {
            try (s) {
                InputStream in = s.getInputStream();
                readHeadAndBody(in);
                s.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                while (!closeAfter && in.read() >= 0) {
                    // Whatever else comes is not answered.
                }
            } catch (IOException e) {
                // The client went away: nothing more to answer.
            }
        }

        private static void readHeadAndBody(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.append((char) b);
            }
            Matcher length = Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(head);
            if (length.find()) {
                in.readNBytes(Integer.parseInt(length.group(1)));
            }
        }

        String baseUrl() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {600, 999})
    void anUpstreamStatusAbove599IsAFailedAttempt(int status) throws IOException {
        assertThat(failedAttempt(withJsonBody(status + " Odd"), false)).isEqualTo(Timeline.Outcome.INVALID_RESPONSE);
    }

    @Test
    void anUpstreamSwitchingProtocolsUnaskedIsAFailedAttempt() throws IOException {
        // The JDK's client refuses a 101 it did not ask for itself, before the emulator sees a status.
        assertThat(failedAttempt(withJsonBody("101 Switching Protocols\r\nupgrade: websocket"), false))
                .isEqualTo(Timeline.Outcome.CONNECTION_RESET);
    }

    @ParameterizedTest
    @ValueSource(ints = {102, 103, 199})
    void anInterimStatusWithNoFinalOneBeforeTheConnectionClosesIsAFailedAttempt(int status) throws IOException {
        assertThat(failedAttempt("HTTP/1.1 " + status + " Interim\r\nlink: </x>\r\n\r\n", true))
                .isEqualTo(Timeline.Outcome.CONNECTION_RESET);
    }

    @Test
    void anInterimStatusBeforeTheFinalOneIsNotRelayed() throws IOException {
        HttpResponse<String> response = answer("HTTP/1.1 103 Early Hints\r\nlink: </x>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{\"ok\":true}", false).response();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void noUpstreamReplyCanCarryAStatusThatIsNotFinal() {
        assertThatThrownBy(() -> new UpstreamReply(103, Map.of(), new UpstreamReply.Full(new byte[0])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("final status from 200 to 599");
    }

    private static String withJsonBody(String statusLine) {
        return "HTTP/1.1 " + statusLine + "\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}";
    }

    /** Asserts that the client got the gateway's 400/2005 after one attempt; returns how the attempt ended. */
    private static Timeline.Outcome failedAttempt(String upstreamBytes, boolean closeAfter) throws IOException {
        Answer answer = answer(upstreamBytes, closeAfter);
        assertGatewayError(answer.response(), 400, 2005, "Failed to get response from provider");
        assertThat(answer.accepted()).isEqualTo(1);
        return answer.outcome();
    }

    private record Answer(HttpResponse<String> response, int accepted, Timeline.Outcome outcome) {
    }

    private static Answer answer(String upstreamBytes, boolean closeAfter) throws IOException {
        try (RawUpstream openai = new RawUpstream(upstreamBytes, closeAfter);
             AiGatewayEmulator emulator = AiGatewayEmulator.builder().upstream("openai", openai.baseUrl()).build()
                     .start()) {
            emulator.createGateway("gw");
            ProxyClient client = new ProxyClient(emulator);

            HttpResponse<String> response = client.post(client.path("gw", "openai/chat/completions"),
                    ProxyClient.CHAT, "cf-aig-max-attempts", "1");

            return new Answer(response, openai.accepted(), emulator.timelines().get(0).attempts().get(0).outcome());
        }
    }
}
