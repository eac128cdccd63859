package dev.aigw.emulator.logging;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.VirtualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts an emulator, loads it and closes it with requests in flight, over and over: the program the quiet tests
 * run in a child JVM, {@code CloseCycles <cycles>}. Each cycle sends, over keep-alive connections, requests that
 * run on the I/O thread (a fake provider, a health check), requests that run on a worker (a management call, a
 * response with scripted latency that parks on a manual virtual clock, a stream that parks between its events), a
 * request whose body is only half sent, and a connection that sends nothing; then it closes the emulator at one of
 * three moments: at once (connections still being accepted), once the slow requests are parked, or just after
 * moving the clock on (a stream writing). It prints nothing if every cycle's requests end, answered or cut, within
 * a few seconds of the close; otherwise it says which did not on stderr and exits with 1.
 */
public final class CloseCycles {

    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final String MESSAGES = "{\"model\":\"claude-3-5-haiku-latest\",\"max_tokens\":16,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private CloseCycles() {
    }

    /** Runs {@code args[0]} cycles. */
    public static void main(String[] args) throws Exception {
        int cycles = Integer.parseInt(args[0]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < cycles; i++) {
            cycle(http, i);
        }
    }

    private static void cycle(HttpClient http, int cycle) throws Exception {
        VirtualClock clock = VirtualClock.manual();
        AiGatewayEmulator emulator = AiGatewayEmulator.builder().clock(clock).gateway("gw").build().start();
        emulator.script("openai").forTest("slow")
                .always(UpstreamResponse.builder().latency(Duration.ofSeconds(30)).build());
        emulator.script("openai").forTest("stream").always(UpstreamResponse.builder()
                .events(List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}")).eventInterval(Duration.ofSeconds(1)).build());

        List<CompletableFuture<?>> calls = new ArrayList<>();
        String openai = emulator.providerUrl("gw", "openai") + "/chat/completions";
        for (int i = 0; i < 2; i++) {
            calls.add(send(http, post(emulator.providerUrl("gw", "anthropic") + "/v1/messages", MESSAGES)));
        }
        calls.add(send(http, post(openai, CHAT).header(AiGatewayEmulator.TEST_ID_HEADER, "slow")));
        calls.add(send(http, post(openai, CHAT).header(AiGatewayEmulator.TEST_ID_HEADER, "stream")));
        calls.add(send(http, HttpRequest.newBuilder(URI.create(emulator.managementUrl() + "/accounts/"
                + emulator.accountId() + "/ai-gateway/gateways")).header("authorization", "Bearer "
                + emulator.apiToken())));
        calls.add(send(http, HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__emulator/health"))));
        try (Socket halfBody = halfABody(emulator, openai); Socket idle = connect(emulator)) {
            switch (cycle % 3) {
                case 0 -> { }
                case 1 -> clock.awaitWaiters(2, Duration.ofSeconds(10));
                default -> {
                    clock.awaitWaiters(2, Duration.ofSeconds(10));
                    clock.advance(Duration.ofSeconds(1));
                }
            }
            emulator.close();
        }
        for (CompletableFuture<?> call : calls) {
            try {
                call.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException answeredOrCut) {
                // A request in flight during the close may be cut; it only has to end.
            } catch (TimeoutException e) {
                System.err.println("cycle " + cycle + ": a request did not end within 10 s of the close");
                System.exit(1);
            }
        }
    }

    private static HttpRequest.Builder post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpClient http, HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens a connection and sends a request whose body stops half-way. */
    private static Socket halfABody(AiGatewayEmulator emulator, String url) throws IOException {
        Socket socket = connect(emulator);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + URI.create(url).getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json"
                + "\r\ncontent-length: " + CHAT.length() + "\r\n\r\n" + CHAT.substring(0, CHAT.length() / 2))
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static Socket connect(AiGatewayEmulator emulator) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), emulator.port());
    }
}
