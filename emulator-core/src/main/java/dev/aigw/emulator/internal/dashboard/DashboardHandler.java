package dev.aigw.emulator.internal.dashboard;

import dev.aigw.emulator.internal.api.ApiException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Serves the dashboard: the page at {@code GET /} (a browser opening the emulator's base URL; {@link #htmlOr} sends
 * only requests that ask for HTML here, so an API client's {@code GET /} answers what it always did), and its files
 * under {@value #ASSET_PREFIX}.
 *
 * <p>Every answer carries an entity tag and {@code Cache-Control: no-cache} (a browser revalidates, and a new
 * version of the emulator is seen at once), and a content security policy that lets the page load and fetch from
 * its own origin only: the API token it holds can reach no other origin.
 */
public final class DashboardHandler implements HttpHandler {

    /** Where the dashboard's files are served, below the control API's prefix and its origin checks. */
    public static final String ASSET_PREFIX = "/__emulator/dashboard";

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    private final Supplier<DashboardAssets> assets;

    /** Serves the files {@code assets} gives, asked for on each request (so they can be read on the first one). */
    public DashboardHandler(Supplier<DashboardAssets> assets) {
        this.assets = assets;
    }

    /** Returns a handler for {@code /} that sends a request asking for HTML to {@code page}, any other to {@code other}. */
    public static HttpHandler htmlOr(HttpHandler page, HttpHandler other) {
        return exchange -> (wantsHtml(exchange) ? page : other).handleRequest(exchange);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRelativePath();
        if (exchange.getRequestPath().equals("/")) {
            path = DashboardAssets.INDEX;
        } else if (path.startsWith("/")) {
            path = path.substring(1);
        }
        HttpString method = exchange.getRequestMethod();
        if (!method.equals(Methods.GET) && !method.equals(Methods.HEAD)) {
            throw ApiException.methodNotAllowed();
        }
        DashboardAssets.Asset asset = assets.get().find(path)
                .orElseThrow(() -> ApiException.noRoute(exchange.getRequestPath()));
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(Headers.ETAG, asset.etag());
        headers.put(Headers.CACHE_CONTROL, "no-cache");
        headers.put(new HttpString("X-Content-Type-Options"), "nosniff");
        headers.put(new HttpString("Referrer-Policy"), "no-referrer");
        headers.put(new HttpString("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
        headers.put(new HttpString("Cross-Origin-Resource-Policy"), "same-origin");
        headers.put(Headers.VARY, "Accept");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(asset.etag())) {
            exchange.setStatusCode(304);
            exchange.endExchange();
            return;
        }
        headers.put(Headers.CONTENT_TYPE, asset.contentType());
        headers.put(Headers.CONTENT_LENGTH, asset.bytes().length);
        if (method.equals(Methods.HEAD)) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(asset.bytes()));
    }

    /** Tells whether the client's {@code Accept} header names HTML, as a browser's navigation does. */
    static boolean wantsHtml(HttpServerExchange exchange) {
        var accept = exchange.getRequestHeaders().get(Headers.ACCEPT);
        return accept != null && accept.stream().anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("text/html"));
    }

    @Override
    public String toString() {
        return "dashboard";
    }
}
