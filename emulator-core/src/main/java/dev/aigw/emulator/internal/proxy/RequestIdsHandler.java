package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;

/**
 * Gives the client request its ids and parses its {@code cf-aig-*} headers; sets {@code cf-aig-request-id}
 * and {@code cf-aig-event-id} on the response at once, so even the gateway's own errors carry them.
 */
public final class RequestIdsHandler implements HttpHandler {

    public static final HttpString REQUEST_ID = new HttpString("cf-aig-request-id");
    public static final HttpString EVENT_ID = new HttpString("cf-aig-event-id");

    private final Ids ids;
    private final EmulatorClock clock;
    private final String testIdHeader;
    private final HttpHandler next;

    public RequestIdsHandler(Ids ids, EmulatorClock clock, String testIdHeader, HttpHandler next) {
        this.ids = ids;
        this.clock = clock;
        this.testIdHeader = testIdHeader;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderMap requestHeaders = exchange.getRequestHeaders();
        GatewayHeaders headers = hasCloudflareHeader(requestHeaders)
                ? GatewayHeaders.parse(requestHeaders::getFirst) : GatewayHeaders.NONE;
        String requestId = ids.next();
        String eventId = headers.eventId().orElse(requestId);
        String testId = requestHeaders.getFirst(testIdHeader);
        exchange.putAttachment(ProxyAttachments.CLIENT_REQUEST,
                new ClientRequest(requestId, eventId, clock.now(), headers, testId));
        exchange.getResponseHeaders().put(REQUEST_ID, requestId).put(EVENT_ID, eventId);
        next.handleRequest(exchange);
    }

    /** Tells whether any header name starts with {@code cf-}: every header the gateway reads does. */
    private static boolean hasCloudflareHeader(HeaderMap headers) {
        for (long cookie = headers.fastIterateNonEmpty(); cookie != -1L; cookie = headers.fiNextNonEmpty(cookie)) {
            HttpString name = headers.fiCurrent(cookie).getHeaderName();
            if (name.length() > 3 && (name.byteAt(0) | 0x20) == 'c' && (name.byteAt(1) | 0x20) == 'f'
                    && name.byteAt(2) == '-') {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "request-ids -> " + next;
    }
}
