package dev.aigw.emulator.internal.server;

import dev.aigw.emulator.internal.proxy.ProxyAttachments;
import dev.aigw.emulator.internal.proxy.ProxyPlan;
import dev.aigw.emulator.internal.proxy.Step;
import dev.aigw.emulator.internal.proxy.Upstreams;
import dev.aigw.emulator.internal.script.Scripts;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, once per request, where the rest of it runs: on the I/O thread that read it, with no thread hand-off,
 * or on a worker thread, where it may block (wait on the clock, call a real upstream, write a paced stream). This
 * class holds every rule there is, one per surface; {@link PlacementHandler} applies one at its place in each
 * chain. What a request does never depends on where it runs: the rules only keep work that may wait off the I/O
 * threads, which must never wait.
 */
public final class Placement {

    /** Decides for one request of a surface. */
    @FunctionalInterface
    public interface Rule {
        /**
         * Returns leave to run the rest of the request on the I/O thread, to be closed once it has run, or empty
         * to move it to a worker thread.
         */
        Optional<Inline> inline(HttpServerExchange exchange);
    }

    /** Leave to run the rest of a request on its I/O thread; closed once that rest has run. */
    public interface Inline extends AutoCloseable {
        @Override
        void close();
    }

    private static final Inline FREE = () -> {
    };

    private Placement() {
    }

    /** Management calls run on a worker: a log query over a large log must not hold up an I/O thread. */
    public static Rule management() {
        return exchange -> Optional.empty();
    }

    /**
     * Control reads ({@code GET}: health, clock, recorded requests, timelines) run on the I/O thread: they neither
     * read a body nor wait, and a health probe answered without a hand-off is what makes the emulator ready fast.
     * Every other control call (advancing the clock, scripting) runs on a worker, and so must any call that waits
     * ({@code POST /clock/await-waiters} blocks until requests park on the clock).
     */
    public static Rule control() {
        return exchange -> exchange.getRequestMethod().equals(Methods.GET) ? Optional.of(FREE) : Optional.empty();
    }

    /**
     * A data-plane request runs on the I/O thread when none of its steps can wait: each goes to a built-in fake
     * (which answers at once, in whole or as an unpaced stream), makes one attempt (no backoff to wait), and no
     * script is queued for its provider (no latency, hang or scripted fault); {@link Scripts#holdUnscripted}
     * keeps it that way until its attempts are over. Anything else, a dynamic route included, runs on a worker.
     */
    public static Rule proxy(Upstreams upstreams, Scripts scripts) {
        return exchange -> {
            ProxyPlan plan = exchange.getAttachment(ProxyAttachments.PLAN);
            if (!plan.routes().isEmpty()) {
                return Optional.empty();
            }
            List<String> providers = new ArrayList<>(plan.steps().size());
            for (Step step : plan.steps()) {
                String slug = step.provider().slug();
                if (upstreams.isReal(slug) || step.retry().maxAttempts() > 1) {
                    return Optional.empty();
                }
                providers.add(slug);
            }
            return scripts.holdUnscripted(providers).map(hold -> hold::close);
        };
    }
}
