package dev.aigw.emulator.logging;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.UpstreamResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;

/**
 * Sends pipelined requests over one connection and drops it abruptly (a reset) once the first bytes of the answers
 * arrive, over and over: the program {@code PipelinedDropsTest} runs in a child JVM, {@code PipelinedDrops
 * <attempts>}. The requests mix every place a request runs: a fake provider on the I/O thread, a management call
 * on a worker, control reads on the I/O thread, a scripted reply and a paced stream (on the system clock) written by
 * a worker; a third of the connections are dropped before any answer.
 */
public final class PipelinedDrops {

    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private PipelinedDrops() {
    }

    /** Runs {@code args[0]} attempts against one emulator. */
    public static void main(String[] args) throws Exception {
        int attempts = Integer.parseInt(args[0]);
        try (AiGatewayEmulator emulator = AiGatewayEmulator.builder().gateway("gw")
                .clock(EmulatorClock.system()).build().start()) {
            emulator.script("openai").forTest("stream").always(UpstreamResponse.builder()
                    .events(Collections.nCopies(20, "{\"n\":\"" + "z".repeat(2000) + "\"}"))
                    .eventInterval(Duration.ofMillis(1)).build());
            emulator.script("openai").forTest("worker").always(UpstreamResponse.builder()
                    .latency(Duration.ofMillis(1)).body("{\"x\":\"" + "y".repeat(40_000) + "\"}").build());
            String chat = "/v1/" + emulator.accountId() + "/gw/openai/chat/completions";
            String gateways = "/client/v4/accounts/" + emulator.accountId() + "/ai-gateway/gateways";
            StringBuilder pipeline = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                pipeline.append("POST ").append(chat).append(" HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-test\r\n")
                        .append("Content-Type: application/json\r\nContent-Length: ").append(CHAT.length())
                        .append("\r\n\r\n").append(CHAT);
                pipeline.append("GET ").append(gateways).append(" HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ")
                        .append(emulator.apiToken()).append("\r\n\r\n");
                pipeline.append("GET /__emulator/requests HTTP/1.1\r\nHost: x\r\n\r\n");
                pipeline.append("POST ").append(chat).append(" HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-test\r\n")
                        .append("x-aigw-test-id: worker\r\nContent-Length: ").append(CHAT.length())
                        .append("\r\n\r\n").append(CHAT);
                pipeline.append("POST ").append(chat).append(" HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-test\r\n")
                        .append("x-aigw-test-id: stream\r\nContent-Length: ").append(CHAT.length())
                        .append("\r\n\r\n").append(CHAT);
                pipeline.append("GET /__emulator/health HTTP/1.1\r\nHost: x\r\n\r\n");
            }
            byte[] bytes = pipeline.toString().getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < attempts; i++) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
                    socket.setSoLinger(true, 0);
                    OutputStream out = socket.getOutputStream();
                    out.write(bytes);
                    out.flush();
                    if (i % 3 != 0) {
                        // Otherwise dropped at once, before any answer.
                        InputStream in = socket.getInputStream();
                        in.read(new byte[1 + i % 2000]);
                    }
                }
            }
            // Lets the emulator meet the last resets before it closes.
            Thread.sleep(200);
        }
    }
}
