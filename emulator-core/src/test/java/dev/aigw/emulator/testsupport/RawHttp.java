package dev.aigw.emulator.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends bytes an HTTP client would refuse to send (any {@code Host}, malformed framing) over a plain socket and
 * reads what comes back until the server closes; for tests only.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** What came back: the status of the first response line (0 if none) and every byte read. */
    public record Reply(int status, String text, boolean timedOut) {

        /** Returns the body of the first response: everything after its blank line. */
        public String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }

    /**
     * Sends {@code request} as it is to {@code 127.0.0.1:port}, then reads until the server closes or
     * {@code timeout} passes without a byte.
     */
    public static Reply send(int port, byte[] request, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // The server may answer and close before it read everything (a 413, a 400): read what it said.
            }
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            boolean timedOut = false;
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    read.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                timedOut = true;
            } catch (IOException e) {
                // A reset after the answer: keep what was read.
            }
            String text = read.toString(StandardCharsets.ISO_8859_1);
            return new Reply(statusOf(text), text, timedOut);
        }
    }

    /** Sends a request with {@code Connection: close}, the given extra header lines and body. */
    public static Reply send(int port, String method, String target, String body, String... headerLines)
            throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        byte[] head = request.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bytes, 0, all, head.length, bytes.length);
        return send(port, all, Duration.ofSeconds(10));
    }

    private static int statusOf(String text) {
        if (!text.startsWith("HTTP/1.") || text.length() < 12) {
            return 0;
        }
        try {
            return Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
