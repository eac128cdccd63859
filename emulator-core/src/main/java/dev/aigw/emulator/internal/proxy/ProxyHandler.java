package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.cache.ResponseCache;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    public ProxyHandler(StepRunner steps, ResponseCache cache, ReplyWriter writer, Timelines timelines,
                        EmulatorClock clock) {
        this.steps = steps;
        this.writer = writer;
        this.timelines = timelines;
        this.routes = new RouteRunner(steps, writer, timelines, clock, new RouteCache(cache));
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
        try {
            if (plan.kind() == ProxyPlan.Kind.COMPAT && plan.route(0).isPresent()) {
                routes.run(exchange, gateway, client, plan, log, timeline);
            } else {
                runSteps(exchange, gateway, client, plan, log, timeline);
            }
        } catch (ContentBlocked blocked) {
            throw blocked.recorded(exchange, client, gateway, log, timeline, timelines);
        }
    }

    private void runSteps(HttpServerExchange exchange, ResolvedGateway gateway, ClientRequest client, ProxyPlan plan,
                          RequestLog log, TimelineRecorder timeline) throws Exception {
        List<Step> all = plan.steps();
        Timeline.Route trace = null;
        for (Step planned : all) {
            boolean last = planned.index() == all.size() - 1;
            Step step = planned;
            StepResult result;
            ApiException routeError = null;
            Optional<RoutePlan> route = plan.route(planned.index());
            if (route.isPresent()) {
                RouteRunner.Outcome outcome = routes.cachedOrWalked(gateway, client, planned, route.get(),
                        timeline);
                trace = outcome.trace() != null ? outcome.trace() : trace;
                if (outcome instanceof RouteRunner.Answered answered) {
                    step = answered.step();
                    result = answered.result();
                } else {
                    RouteRunner.Failed failed = (RouteRunner.Failed) outcome;
                    step = failed.lastStep() == null ? planned : failed.lastStep();
                    result = failed.relay() ? failed.lastFailure() : null;
                    routeError = failed.error();
                }
            } else {
                try {
                    result = steps.run(gateway, client, step, last, timeline);
                } catch (ApiException refused) {
                    if (timeline.hasRefusal()) {
                        timelines.add(timeline.finish(client, gateway, timeline.logIdFor(step), refused.status(),
                                trace));
                    }
                    throw refused;
                }
            }
            if (result != null && result.result() instanceof AttemptResult.Replied replied
                    && (result.succeeded() || last)) {
                answer(exchange, gateway, client, plan, log, timeline, trace, step, result, route, replied);
                return;
            }
            if (routeError != null) {
                log.refused(step, routeError);
            } else {
                log.gaveUp(step, result);
            }
            if (result != null && result.result() instanceof AttemptResult.Replied replied) {
                ReplyWriter.discard(replied.reply());
            } else if (last) {
                ApiException error = routeError != null ? routeError
                        : ApiException.gateway(400, 2005, GatewayErrors.NO_RESPONSE);
                timelines.add(timeline.finish(client, gateway, log.lastId().orElse(null), error.status(), trace));
                throw error;
            }
        }
    }

    private void answer(HttpServerExchange exchange, ResolvedGateway gateway, ClientRequest client, ProxyPlan plan,
                        RequestLog log, TimelineRecorder timeline, Timeline.Route trace, Step step,
                        StepResult result, Optional<RoutePlan> route, AttemptResult.Replied replied)
            throws java.io.IOException, InterruptedException {
        Map<String, String> headers = ReplyHeaders.of(plan, step, log, result.cacheStatus());
        if (route.isPresent()) {
            headers.put("cf-aig-provider", step.provider().slug());
            headers.put("cf-aig-model", step.model());
        }
        if (!timeline.isEmpty() || trace != null) {
            timelines.add(timeline.finish(client, gateway, headers.get(ReplyHeaders.LOG_ID),
                    replied.reply().status(), trace));
        }
        writer.write(exchange, replied.reply(), replied.delivery(), headers, written -> {
            log.answered(step, result, written);
            result.afterLastByte().accept(written);
            route.ifPresent(r -> RouteRunner.completed(r, step, result, written));
        });
    }

    @Override
    public String toString() {
        return "proxy -> " + steps;
    }
}
