package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.cache.CacheStatus;
import dev.aigw.emulator.internal.log.Prices;
import dev.aigw.emulator.internal.log.Usage;
import dev.aigw.emulator.internal.routing.RouteWalk;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;

/**
 * Runs a dynamic route's model calls (management-api-2.md 4.5-4.7): each model node through the same step
 * runners as any step (cache, translation, attempts with retries), a failure feeding the walk's {@code fallback};
 * the first model that answers 2xx answers the client with {@code cf-aig-provider}, {@code cf-aig-model} and
 * {@code cf-aig-step} (its model index). When the route ends without a success the client gets the last
 * failure's reply, else the gateway's error. One log per client request (the answering or last called node);
 * the timeline carries the route's visits.
 */
final class RouteRunner {

    private final StepRunner steps;
    private final ReplyWriter writer;
    private final Timelines timelines;
    private final EmulatorClock clock;

    RouteRunner(StepRunner steps, ReplyWriter writer, Timelines timelines, EmulatorClock clock) {
        this.steps = steps;
        this.writer = writer;
        this.timelines = timelines;
        this.clock = clock;
    }

    void run(HttpServerExchange exchange, ResolvedGateway gateway, ClientRequest client, ProxyPlan plan,
             RequestLog log, TimelineRecorder timeline) throws InterruptedException, java.io.IOException {
        RoutePlan route = plan.route();
        RouteWalk walk = route.walk();
        Step step = plan.steps().get(0);
        StepResult lastFailure = null;
        Step lastStep = step;
        while (true) {
            int before = timeline.size();
            StepResult result;
            try {
                result = steps.run(gateway, client, step, false, timeline);
            } catch (ContentBlocked blocked) {
                throw blocked.recorded(exchange, client, gateway, log, timeline, timelines, trace(walk));
            }
            if (result.succeeded()) {
                walk.succeeded();
                answer(exchange, gateway, client, plan, log, timeline, step, result, walk);
                return;
            }
            if (lastFailure != null && lastFailure.result() instanceof AttemptResult.Replied replied) {
                ReplyWriter.discard(replied.reply());
            }
            lastFailure = result;
            lastStep = step;
            RouteWalk.Decision next = walk.failed(why(result, timeline.size() - before),
                    timeline.offsetOf(clock.now()));
            if (next instanceof RouteWalk.CallModel call) {
                step = route.step(call);
                continue;
            }
            RouteWalk.Ending ending = ((RouteWalk.Finish) next).ending();
            if (ending != RouteWalk.Ending.RATE_LIMITED && ending != RouteWalk.Ending.TOO_MANY_VISITS
                    && lastFailure.result() instanceof AttemptResult.Replied) {
                answer(exchange, gateway, client, plan, log, timeline, lastStep, lastFailure, walk);
                return;
            }
            if (lastFailure.result() instanceof AttemptResult.Replied replied) {
                ReplyWriter.discard(replied.reply());
            }
            ApiException error = RouteErrors.of(ending, walk.route().name());
            log.gaveUp(lastStep, lastFailure.result());
            timelines.add(timeline.finish(client, gateway, log.lastId().orElse(null), error.status(),
                    trace(walk)));
            throw error;
        }
    }

    private void answer(HttpServerExchange exchange, ResolvedGateway gateway, ClientRequest client, ProxyPlan plan,
                        RequestLog log, TimelineRecorder timeline, Step step, StepResult result, RouteWalk walk)
            throws java.io.IOException, InterruptedException {
        AttemptResult.Replied replied = (AttemptResult.Replied) result.result();
        Map<String, String> headers = ReplyHeaders.of(plan, step, log, result.cacheStatus());
        headers.put("cf-aig-step", String.valueOf(step.index()));
        timelines.add(timeline.finish(client, gateway, headers.get(ReplyHeaders.LOG_ID), replied.reply().status(),
                trace(walk)));
        boolean cached = result.cacheStatus() == CacheStatus.HIT;
        writer.write(exchange, replied.reply(), replied.delivery(), headers, written -> {
            log.answered(step, written, cached);
            if (written.status() >= 200 && written.status() < 300 && !cached) {
                walk.completed(Prices.listPrice(step.model(), Usage.of(written.contentType(), written.body())));
            }
        });
    }

    private static String why(StepResult result, int attempts) {
        String how = result.result() instanceof AttemptResult.Replied replied
                ? "http_error " + replied.reply().status()
                : result.result().outcome().jsonName();
        return how + " after " + attempts + (attempts == 1 ? " attempt" : " attempts");
    }

    static Timeline.Route trace(RouteWalk walk) {
        List<Timeline.Visit> visits = walk.visits().stream()
                .map(v -> new Timeline.Visit(v.elementId(), v.type(), v.offsetMillis(), v.output(), v.reason()))
                .toList();
        return new Timeline.Route(walk.route().name(), walk.route().id(), walk.version().id(), visits);
    }
}
