package dev.aigw.emulator.proxy;

import dev.aigw.emulator.internal.server.LibraryLogs;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.HeaderValues;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server playing a provider: records what it receives and answers with a test's handler. */
final class UpstreamStub implements AutoCloseable {

    record Received(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    interface Responder {
        void respond(HttpServerExchange exchange) throws Exception;
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Undertow server;
    private final int port;

    UpstreamStub(Responder responder) {
        HttpHandler handler = exchange -> {
            exchange.startBlocking();
            String body = new String(exchange.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HeaderValues values : exchange.getRequestHeaders()) {
                headers.put(values.getHeaderName().toString().toLowerCase(java.util.Locale.ROOT), new ArrayList<>(values));
            }
            received.add(new Received(exchange.getRequestMethod().toString(), exchange.getRequestPath(),
                    exchange.getQueryString(), headers, body));
            responder.respond(exchange);
        };
        LibraryLogs.quiet(); // a bare Undertow started before any emulator would log its start at INFO
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setIoThreads(1).setWorkerThreads(4)
                .setHandler(new BlockingHandler(handler)).build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop();
    }
}
