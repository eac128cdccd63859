package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.cache.CacheStatus;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;

/**
 * Runs the plan's steps in order until one succeeds (a 2xx reply) and relays that reply; when all fail,
 * the client gets the last step's reply, or 400/2005 if it produced none (proxy.md 1.4, 4.5). Tells the
 * request's log how each step ended and records the request's timeline (not for cache hits, which reach no
 * upstream).
 */
public final class ProxyHandler implements HttpHandler {

    private final StepRunner steps;
    private final ReplyWriter writer;
    private final Timelines timelines;

    private final RouteRunner routes;

    public ProxyHandler(StepRunner steps, ReplyWriter writer, Timelines timelines, EmulatorClock clock) {
        this.steps = steps;
        this.writer = writer;
        this.timelines = timelines;
        this.routes = new RouteRunner(steps, writer, timelines, clock);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ResolvedGateway gateway = exchange.getAttachment(ProxyAttachments.GATEWAY);
        ClientRequest client = exchange.getAttachment(ProxyAttachments.CLIENT_REQUEST);
        ProxyPlan plan = exchange.getAttachment(ProxyAttachments.PLAN);
        RequestLog log = exchange.getAttachment(ProxyAttachments.LOG);
        TimelineRecorder timeline = new TimelineRecorder(client.arrivedAt(), log::idFor, log::scanned);
        RequestLine line = exchange.getAttachment(ProxyAttachments.REQUEST_LINE);
        if (line != null) {
            line.timeline(timeline);
        }
        if (plan.route() != null) {
            routes.run(exchange, gateway, client, plan, log, timeline);
            return;
        }
        try {
            runSteps(exchange, gateway, client, plan, log, timeline);
        } catch (ContentBlocked blocked) {
            throw blocked.recorded(exchange, client, gateway, log, timeline, timelines, null);
        }
    }

    private void runSteps(HttpServerExchange exchange, ResolvedGateway gateway, ClientRequest client, ProxyPlan plan,
                          RequestLog log, TimelineRecorder timeline) throws Exception {
        List<Step> all = plan.steps();
        for (Step step : all) {
            boolean last = step.index() == all.size() - 1;
            StepResult result = steps.run(gateway, client, step, last, timeline);
            if (result.result() instanceof AttemptResult.Replied replied && (result.succeeded() || last)) {
                Map<String, String> headers = ReplyHeaders.of(plan, step, log, result.cacheStatus());
                if (!timeline.isEmpty()) {
                    timelines.add(timeline.finish(client, gateway, headers.get(ReplyHeaders.LOG_ID),
                            replied.reply().status()));
                }
                boolean cached = result.cacheStatus() == CacheStatus.HIT;
                writer.write(exchange, replied.reply(), replied.delivery(), headers,
                        written -> log.answered(step, written, cached));
                return;
            }
            log.gaveUp(step, result.result());
            if (result.result() instanceof AttemptResult.Replied replied) {
                ReplyWriter.discard(replied.reply());
            } else if (last) {
                timelines.add(timeline.finish(client, gateway, log.lastId().orElse(null), 400));
                throw ApiException.gateway(400, 2005, GatewayErrors.NO_RESPONSE);
            }
        }
    }

    @Override
    public String toString() {
        return "proxy -> " + steps;
    }
}
