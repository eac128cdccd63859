package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.util.Logs;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.StringJoiner;
import org.slf4j.Logger;

/**
 * Writes one DEBUG line on the logger {@value #LOGGER} when a data-plane request ends: method, path, status, gateway,
 * the providers of its steps, its upstream attempts, its cache status and how long it took on the emulator's clock,
 * e.g. {@code POST /v1/0123…/my-gateway/openai/chat/completions status=200 gateway=my-gateway provider=openai
 * attempts=5 cache=- duration=75000ms}. A value the request never reached reads {@code -}. One per request, made
 * only while that logger is at DEBUG.
 */
public final class RequestLine implements ExchangeCompletionListener {

    /** The logger that writes the line. */
    public static final String LOGGER = "dev.aigw.emulator.requests";

    private static final Logger LOG = Logs.getLogger(LOGGER);

    private final EmulatorClock clock;
    // Set by the proxy on the request's thread, read when the exchange ends, maybe on an I/O thread.
    private volatile TimelineRecorder timeline;

    private RequestLine(EmulatorClock clock) {
        this.clock = clock;
    }

    /** Returns a line for a request that has just arrived, or {@code null} when the logger is not at DEBUG. */
    static RequestLine startIfEnabled(EmulatorClock clock) {
        return LOG.isDebugEnabled() ? new RequestLine(clock) : null;
    }

    /** Counts the attempts of this timeline in the line. */
    void timeline(TimelineRecorder attempts) {
        this.timeline = attempts;
    }

    @Override
    public void exchangeEvent(HttpServerExchange exchange, NextListener nextListener) {
        try {
            ClientRequest client = exchange.getAttachment(ProxyAttachments.CLIENT_REQUEST);
            ResolvedGateway gateway = exchange.getAttachment(ProxyAttachments.GATEWAY);
            ProxyPlan plan = exchange.getAttachment(ProxyAttachments.PLAN);
            String cache = exchange.getResponseHeaders().getFirst(ReplyHeaders.CACHE_STATUS);
            TimelineRecorder attempts = timeline;
            LOG.debug("{} {} status={} gateway={} provider={} attempts={} cache={} duration={}ms",
                    exchange.getRequestMethod(), exchange.getRequestPath(), exchange.getStatusCode(),
                    gateway == null ? "-" : gateway.gateway().id(), providers(plan),
                    attempts == null ? 0 : attempts.size(), cache == null ? "-" : cache,
                    client == null ? "-" : Duration.between(client.arrivedAt(), clock.now()).toMillis());
        } finally {
            nextListener.proceed();
        }
    }

    /** Returns the providers of the plan's steps, in order, e.g. {@code openai} or {@code openai,anthropic}. */
    private static String providers(ProxyPlan plan) {
        if (plan == null) {
            return "-";
        }
        StringJoiner slugs = new StringJoiner(",");
        plan.steps().forEach(step -> slugs.add(step.provider().slug()));
        return slugs.toString();
    }
}
