package dev.aigw.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.aigw.emulator.AiGatewayEmulator;
import io.undertow.Undertow;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The child side of {@link ColdStartBench}: a fresh JVM that starts one server, sends it the chat completion on a
 * plain socket, prints the reply's status on a line of its own and exits. The parent times from launching this
 * JVM to reading that line. The baselines answer the emulator's reply, read from a file the parent wrote.
 */
public final class ColdStartTarget {

    static final String EMULATOR = "emulator";
    static final String BARE_UNDERTOW = "undertow";
    static final String WIREMOCK = "wiremock";

    /** The request path of the baselines: where the emulator's default gateway serves OpenAI's chat completions. */
    static final String PATH = "/v1/" + AiGatewayEmulator.DEFAULT_ACCOUNT_ID + "/default/openai/chat/completions";

    private ColdStartTarget() {
    }

    /** Starts the target named by {@code args[0]}, with the baselines' reply in the file {@code args[1]}. */
    public static void main(String[] args) throws Exception {
        int status = switch (args[0]) {
            case EMULATOR -> emulator();
            case BARE_UNDERTOW -> undertow(Reply.read(Path.of(args[1])));
            case WIREMOCK -> wiremock(Reply.read(Path.of(args[1])));
            default -> throw new IllegalArgumentException("unknown target " + args[0]);
        };
        System.out.println(status);
        System.out.flush();
        // The servers are not closed: the measurement is over, and the parent waits for this JVM to end.
        System.exit(status == 200 ? 0 : 1);
    }

    private static int emulator() throws IOException {
        AiGatewayEmulator emulator = AiGatewayEmulator.builder().build().start();
        return send(emulator.port(), emulator.apiToken());
    }

    private static int undertow(Reply reply) throws IOException {
        Undertow undertow = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(exchange -> {
                    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().put(new HttpString(name), value));
                    exchange.getResponseSender().send(ByteBuffer.wrap(reply.body()));
                }).build();
        undertow.start();
        return send(((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort(), "none");
    }

    private static int wiremock(Reply reply) throws IOException {
        WireMockServer wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1"));
        wiremock.start();
        ResponseDefinitionBuilder stub = aResponse().withStatus(200).withBody(reply.body());
        reply.headers().forEach(stub::withHeader);
        wiremock.stubFor(post(urlEqualTo(PATH)).willReturn(stub));
        return send(wiremock.port(), "none");
    }

    /** Sends the chat completion to the emulator's default gateway path on a new connection; returns the status. */
    static int send(int port, String apiToken) throws IOException {
        byte[] request = LoadGenerator.encode(URI.create("http://127.0.0.1:" + port + PATH),
                ThroughputBench.CHAT.getBytes(StandardCharsets.UTF_8),
                List.of("content-type", "application/json", "authorization", "Bearer sk-bench",
                        "cf-aig-authorization", "Bearer " + apiToken));
        return LoadGenerator.sendOnce(new InetSocketAddress("127.0.0.1", port), request);
    }

    /** The reply the baselines answer: the emulator's headers (those a server does not set itself) and body. */
    record Reply(Map<String, String> headers, byte[] body) {

        /** Writes the headers as {@code name: value} lines, an empty line, then the body. */
        void write(Path file) throws IOException {
            StringBuilder head = new StringBuilder();
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append('\n'));
            byte[] h = head.append('\n').toString().getBytes(StandardCharsets.UTF_8);
            byte[] all = java.util.Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, all, h.length, body.length);
            Files.write(file, all);
        }

        static Reply read(Path file) throws IOException {
            byte[] all = Files.readAllBytes(file);
            Map<String, String> headers = new LinkedHashMap<>();
            int start = 0;
            while (all[start] != '\n') {
                int end = start;
                while (all[end] != '\n') {
                    end++;
                }
                String line = new String(all, start, end - start, StandardCharsets.UTF_8);
                int colon = line.indexOf(": ");
                headers.put(line.substring(0, colon), line.substring(colon + 2));
                start = end + 1;
            }
            return new Reply(headers, java.util.Arrays.copyOfRange(all, start + 1, all.length));
        }
    }
}
