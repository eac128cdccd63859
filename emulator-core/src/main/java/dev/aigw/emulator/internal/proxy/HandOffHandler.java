package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.retry.RetryPolicy;
import dev.aigw.emulator.internal.script.Scripts;
import dev.aigw.emulator.internal.server.WorkerHandOff;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * Decides where the rest of a request runs. It stays on the I/O thread, with no thread hand-off, when none of
 * its steps can wait: each goes to a built-in fake (which answers at once), no script is queued for its
 * provider (no latency, hang or scripted failure), and it makes one attempt (no backoff to wait). Otherwise
 * the rest moves to a worker thread.
 */
public final class HandOffHandler implements HttpHandler {

    private final Upstreams upstreams;
    private final Scripts scripts;
    private final WorkerHandOff handOff;
    private final HttpHandler next;

    public HandOffHandler(Upstreams upstreams, Scripts scripts, WorkerHandOff handOff, HttpHandler next) {
        this.upstreams = upstreams;
        this.scripts = scripts;
        this.handOff = handOff;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread() && mayWait(exchange.getAttachment(ProxyAttachments.PLAN),
                exchange.getAttachment(ProxyAttachments.GATEWAY))) {
            handOff.continueOnWorker(exchange, next);
            return;
        }
        next.handleRequest(exchange);
    }

    private boolean mayWait(ProxyPlan plan, ResolvedGateway gateway) {
        for (Step step : plan.steps()) {
            String slug = step.provider().slug();
            if (upstreams.isReal(slug) || scripts.hasAny(slug)) {
                return true;
            }
            // Even a virtual clock in auto mode can be switched to manual while a retry waits: retries always go.
            if (RetryPolicy.resolve(step.settings(), gateway.gateway()).maxAttempts() > 1) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "hand-off -> " + next;
    }
}
