package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.RequestBodies;
import dev.aigw.emulator.internal.log.LogStore;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/**
 * Starts the {@link RequestLog} of a request that passed gateway lookup, authentication and endpoint
 * resolution (so 2001, 2008 and 2009 are never logged, proxy.md 7.1) and attaches it for the proxy. A gateway
 * error raised below (the rate limit's 2003, the proxy's 2005) is logged too, and its response carries the
 * entry's {@code cf-aig-log-id}.
 */
public final class LogHandler implements HttpHandler {

    /** The response header naming the log entry. */
    public static final HttpString LOG_ID = new HttpString(ReplyHeaders.LOG_ID);

    private final LogStore store;
    private final Ids ids;
    private final EmulatorClock clock;
    private final HttpHandler next;

    public LogHandler(LogStore store, Ids ids, EmulatorClock clock, HttpHandler next) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RequestLog log = new RequestLog(store, ids, clock, exchange.getAttachment(ProxyAttachments.GATEWAY),
                exchange.getAttachment(ProxyAttachments.CLIENT_REQUEST), exchange.getAttachment(ProxyAttachments.PLAN),
                RequestBodies.read(exchange), exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE),
                exchange.getRequestHeaders().getFirst(Headers.USER_AGENT));
        exchange.putAttachment(ProxyAttachments.LOG, log);
        try {
            next.handleRequest(exchange);
        } catch (ApiException e) {
            log.rejected(e);
            log.lastId().ifPresent(id -> exchange.getResponseHeaders().put(LOG_ID, id));
            throw e;
        }
    }

    @Override
    public String toString() {
        return "log -> " + next;
    }
}
