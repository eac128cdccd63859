package dev.aigw.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load generator in the manner of wrk: each of {@code concurrency} threads keeps one
 * persistent connection, sends the same pre-encoded request, reads the whole response (Content-Length or
 * chunked) and sends the next. It costs a few microseconds of CPU a request, so on a machine that the client
 * and the server share, the throughput it reports is the server's cost, not the client's.
 */
final class LoadGenerator {

    private final int concurrency;
    private final AtomicLong reconnects = new AtomicLong();

    LoadGenerator(int concurrency) {
        this.concurrency = concurrency;
    }

    /** The connections that the server closed, or that failed, and were opened again; over every run. */
    long reconnects() {
        return reconnects.get();
    }

    /** Sends {@code POST url} with {@code body} and {@code headers} (name, value, ...) for {@code duration}. */
    long[] run(URI url, byte[] body, List<String> headers, Duration duration) throws Exception {
        byte[] request = encode(url, body, headers);
        InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long end = System.nanoTime() + duration.toNanos();
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                futures.add(pool.submit(() -> loop(address, request, end)));
            }
            List<long[]> parts = new ArrayList<>();
            for (Future<long[]> f : futures) {
                parts.add(f.get());
            }
            return concat(parts);
        } finally {
            pool.shutdownNow();
        }
    }

    private long[] loop(InetSocketAddress address, byte[] request, long end) throws IOException {
        long[] samples = new long[1 << 16];
        int n = 0;
        Connection connection = new Connection(address);
        try {
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                int status;
                try {
                    status = connection.exchange(request);
                } catch (IOException e) {
                    reconnects.incrementAndGet();
                    connection.close();
                    connection = new Connection(address);
                    continue;
                }
                long took = System.nanoTime() - start;
                if (status != 200) {
                    throw new IllegalStateException(address + " answered " + status);
                }
                if (n == samples.length) {
                    samples = Arrays.copyOf(samples, n * 2);
                }
                samples[n++] = took;
                if (connection.closedByServer) {
                    reconnects.incrementAndGet();
                    connection.close();
                    connection = new Connection(address);
                }
            }
        } finally {
            connection.close();
        }
        return Arrays.copyOf(samples, n);
    }

    /** Sends one {@code GET} on a new connection and returns the response's status, its body read and dropped. */
    static int getOnce(URI url) throws IOException {
        byte[] request = ("GET " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return sendOnce(new InetSocketAddress(url.getHost(), url.getPort()), request);
    }

    /** Sends pre-encoded request bytes on a new connection and returns the response's status, its body dropped. */
    static int sendOnce(InetSocketAddress address, byte[] request) throws IOException {
        try (Connection connection = new Connection(address)) {
            return connection.exchange(request);
        }
    }

    static byte[] encode(URI url, byte[] body, List<String> headers) {
        StringBuilder head = new StringBuilder(256)
                .append("POST ").append(url.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n");
        for (int i = 0; i < headers.size(); i += 2) {
            head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    static long[] concat(List<long[]> parts) {
        long[] all = new long[parts.stream().mapToInt(a -> a.length).sum()];
        int i = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, i, part.length);
            i += part.length;
        }
        return all;
    }

    /**
     * One persistent connection. Responses are parsed in place in its own buffer, byte by byte without a lock or
     * a string per header, so that a reply with many headers costs the client little more than one with few.
     */
    private static final class Connection implements AutoCloseable {

        private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.ISO_8859_1);
        private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.ISO_8859_1);
        private static final byte[] CONNECTION = "connection:".getBytes(StandardCharsets.ISO_8859_1);

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] buffer = new byte[65536];
        private int position;
        private int limit;
        boolean closedByServer;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            int start = readLine();
            // "HTTP/1.1 200 OK"
            int status = (buffer[start + 9] - '0') * 100 + (buffer[start + 10] - '0') * 10 + (buffer[start + 11] - '0');
            long contentLength = -1;
            boolean chunked = false;
            while (true) {
                int lineStart = readLine();
                int lineEnd = position - 2;
                if (lineEnd == lineStart) {
                    break;
                }
                if (startsWith(lineStart, lineEnd, CONTENT_LENGTH)) {
                    contentLength = Long.parseLong(value(lineStart + CONTENT_LENGTH.length, lineEnd));
                } else if (startsWith(lineStart, lineEnd, TRANSFER_ENCODING)) {
                    chunked = value(lineStart + TRANSFER_ENCODING.length, lineEnd).equalsIgnoreCase("chunked");
                } else if (startsWith(lineStart, lineEnd, CONNECTION)) {
                    closedByServer = value(lineStart + CONNECTION.length, lineEnd).equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(value(readLine(), position - 2).split(";", 2)[0], 16)) > 0) {
                    discard(size);
                    readLine();
                }
                while (readLine() != position - 2) {
                    // trailers
                }
            } else if (contentLength >= 0) {
                discard(contentLength);
            } else {
                throw new IOException("a response without a length");
            }
            return status;
        }

        /**
         * Makes sure one whole CRLF-terminated line is buffered, moves past it and returns where it starts; it ends
         * two bytes before the new position.
         */
        private int readLine() throws IOException {
            int scan = position;
            while (true) {
                for (; scan < limit; scan++) {
                    if (buffer[scan] == '\n') {
                        int start = position;
                        position = scan + 1;
                        return start;
                    }
                }
                if (position > 0) {
                    System.arraycopy(buffer, position, buffer, 0, limit - position);
                    scan -= position;
                    limit -= position;
                    position = 0;
                }
                if (limit == buffer.length) {
                    throw new IOException("a header line longer than " + buffer.length + " bytes");
                }
                fill();
            }
        }

        private void fill() throws IOException {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                throw new EOFException("connection closed");
            }
            limit += n;
        }

        private boolean startsWith(int from, int to, byte[] lowerCasePrefix) {
            if (to - from < lowerCasePrefix.length) {
                return false;
            }
            for (int i = 0; i < lowerCasePrefix.length; i++) {
                if ((buffer[from + i] | 0x20) != lowerCasePrefix[i] && buffer[from + i] != lowerCasePrefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private String value(int from, int to) {
            return new String(buffer, from, to - from, StandardCharsets.ISO_8859_1).trim();
        }

        private void discard(long count) throws IOException {
            long left = count;
            while (left > 0) {
                if (position == limit) {
                    position = 0;
                    limit = 0;
                    fill();
                }
                int n = (int) Math.min(limit - position, left);
                position += n;
                left -= n;
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that failed
            }
        }
    }
}
