package dev.aigw.emulator.internal.server;

import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.util.Logs;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import org.slf4j.Logger;

/**
 * Whether an error's hint (what is wrong and what to do, see {@link ApiException#hint()}) goes out in the
 * {@value #HEADER} response header. The body never carries it, so it stays exactly Cloudflare's; the hint is also
 * logged at DEBUG on the logger {@value #LOGGER} either way, since a log line changes nothing a client sees.
 */
public enum Hints {

    /** Sends the hint header (the default). */
    SHOWN {
        @Override
        void send(HttpServerExchange exchange, String hint) {
            exchange.getResponseHeaders().put(HEADER_NAME, headerValue(hint));
        }
    },

    /** Sends no hint header, for tests that compare response headers with the real gateway's. */
    HIDDEN {
        @Override
        void send(HttpServerExchange exchange, String hint) {
        }
    };

    /** The response header that carries a hint. */
    public static final String HEADER = "x-aigw-emulator-hint";

    /** The logger that writes each hint at DEBUG. */
    public static final String LOGGER = "dev.aigw.emulator.hints";

    private static final HttpString HEADER_NAME = HttpString.tryFromString(HEADER);
    private static final Logger LOG = Logs.getLogger(LOGGER);
    private static final int MAX_LENGTH = 2_000;

    /** Returns {@link #SHOWN} or {@link #HIDDEN}. */
    public static Hints shown(boolean shown) {
        return shown ? SHOWN : HIDDEN;
    }

    /** Logs the error's hint, if it has one, and sends it as this setting says; call before the response starts. */
    void apply(HttpServerExchange exchange, ApiException e) {
        e.hint().ifPresent(hint -> {
            LOG.debug("{} {} answered {} (code {}): {}", exchange.getRequestMethod(), exchange.getRequestPath(),
                    e.status(), e.error().code(), hint);
            send(exchange, hint);
        });
    }

    abstract void send(HttpServerExchange exchange, String hint);

    /** Makes a hint fit a header value: printable ASCII only (a gateway id may hold anything), and not too long. */
    static String headerValue(String hint) {
        StringBuilder value = new StringBuilder(Math.min(hint.length(), MAX_LENGTH));
        for (int i = 0; i < hint.length() && value.length() < MAX_LENGTH; i++) {
            char c = hint.charAt(i);
            value.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return value.toString();
    }
}
