package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.api.ErrorEnvelope;
import dev.aigw.emulator.internal.cache.CacheStatus;
import dev.aigw.emulator.internal.json.Json;
import dev.aigw.emulator.internal.log.Prices;
import dev.aigw.emulator.internal.log.Usage;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.routing.RouteWalk;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a dynamic route's model calls (management-api-2.md 4.4-4.7): answers from the {@link RouteCache} when it
 * holds the request, else starts the walk and calls each model node through the same step runners as any step
 * (credentials, translation, attempts with retries; not cached one by one), a failure
 * feeding the walk's {@code fallback}; a credential refusal (2040, 2003 of a stored key) is a failure without an
 * upstream call, its error as the failure's reply. The first model that answers 2xx ends the route. When the route
 * ends without a success the last failure's reply is relayed, else the gateway's error.
 *
 * <p>On the compat endpoint the answer carries {@code cf-aig-provider}, {@code cf-aig-model} and {@code cf-aig-step}
 * (its model index; none on a cache HIT, which called no model) and there is one log per client request, its id the request id: the answering or last called
 * node, or {@code dynamic} with the route name when no node was called. On the universal endpoint a route is one
 * step ({@link #cachedOrWalked}).
 */
final class RouteRunner {

    private final StepRunner steps;
    private final ReplyWriter writer;
    private final Timelines timelines;
    private final EmulatorClock clock;
    private final RouteCache cache;

    RouteRunner(StepRunner steps, ReplyWriter writer, Timelines timelines, EmulatorClock clock, RouteCache cache) {
        this.steps = steps;
        this.writer = writer;
        this.timelines = timelines;
        this.clock = clock;
        this.cache = cache;
    }

    /** How a route ended. */
    sealed interface Outcome {
        /** The trace of the route for the timeline. */
        Timeline.Route trace();
    }

    /**
     * A model node answered 2xx: {@code step} is its call; or the cache answered for the route, {@code step} then
     * naming the provider and model that gave the stored reply, and {@code trace} {@code null} (no element visited).
     */
    record Answered(Step step, StepResult result, Timeline.Route trace) implements Outcome {
    }

    /**
     * No model answered. {@code lastStep} and {@code lastFailure} are the last model call and how it ended
     * ({@code null} when no model was called); {@code relay} says whether that failure's reply is what the client
     * gets, else {@code error} is.
     */
    record Failed(Step lastStep, StepResult lastFailure, boolean relay, ApiException error, Timeline.Route trace)
            implements Outcome {
    }

    /** Runs the compat request of a {@code dynamic/} model and answers the client. */
    void run(HttpServerExchange exchange, ResolvedGateway gateway, ClientRequest client, ProxyPlan plan,
             RequestLog log, TimelineRecorder timeline) throws InterruptedException, java.io.IOException {
        Step placeholder = plan.steps().get(0);
        RoutePlan route = plan.route(0).orElseThrow();
        Outcome outcome = cachedOrWalked(gateway, client, placeholder, route, timeline);
        if (outcome instanceof Answered answered) {
            answer(exchange, plan, log, timeline, gateway, client, answered.step(), answered.result(), route,
                    outcome.trace());
            return;
        }
        Failed failed = (Failed) outcome;
        if (failed.relay()) {
            answer(exchange, plan, log, timeline, gateway, client, failed.lastStep(), failed.lastFailure(), route,
                    outcome.trace());
            return;
        }
        if (failed.lastStep() != null) {
            log.gaveUp(failed.lastStep(), failed.lastFailure());
        } else {
            log.refused(placeholder, failed.error());
        }
        timelines.add(timeline.finish(client, gateway, log.lastId().orElse(null), failed.error().status(),
                outcome.trace()));
        throw failed.error();
    }

    /**
     * Answers the route request {@code placeholder} from the route cache ({@link RouteCache}), else walks the route
     * and stores the answer; while the request is cached, a relayed failure is a MISS too.
     */
    Outcome cachedOrWalked(ResolvedGateway gateway, ClientRequest client, Step placeholder, RoutePlan route,
                           TimelineRecorder timeline) throws InterruptedException {
        Optional<RouteCache.Entry> entry = cache.entryOf(gateway, placeholder);
        Optional<Answered> hit = entry.flatMap(e -> cache.hit(e, placeholder));
        if (hit.isPresent()) {
            return hit.get();
        }
        Outcome outcome = walk(gateway, client, route, timeline);
        if (entry.isEmpty()) {
            return outcome;
        }
        if (outcome instanceof Answered answered) {
            return new Answered(answered.step(),
                    cache.stored(entry.get(), placeholder, answered.step(), answered.result()), answered.trace());
        }
        Failed failed = (Failed) outcome;
        return failed.relay() ? new Failed(failed.lastStep(), RouteCache.missed(failed.lastFailure()), true,
                failed.error(), failed.trace()) : failed;
    }

    /** Walks the route from its start until a model answers or the route ends; writes nothing to the client. */
    Outcome walk(ResolvedGateway gateway, ClientRequest client, RoutePlan route, TimelineRecorder timeline)
            throws InterruptedException {
        RouteWalk walk = route.walk();
        RouteWalk.Decision next = walk.first(timeline.offsetOf(clock.now()));
        Step lastStep = null;
        StepResult lastFailure = null;
        while (next instanceof RouteWalk.CallModel call) {
            Step step;
            try {
                step = route.step(call);
            } catch (ApiException e) {
                discard(lastFailure);
                return new Failed(lastStep, lastFailure, false, e, trace(walk));
            }
            int before = timeline.size();
            StepResult result;
            try {
                result = call(gateway, client, step, timeline);
            } catch (ContentBlocked blocked) {
                discard(lastFailure);
                throw blocked.inRoute(trace(walk));
            }
            if (result.succeeded()) {
                discard(lastFailure);
                walk.succeeded();
                return new Answered(step, result, trace(walk));
            }
            discard(lastFailure);
            lastStep = step;
            lastFailure = result;
            next = walk.failed(why(result, timeline.size() - before), timeline.offsetOf(clock.now()));
        }
        RouteWalk.Ending ending = ((RouteWalk.Finish) next).ending();
        ApiException error = RouteErrors.of(ending, walk.route().name());
        boolean relay = ending != RouteWalk.Ending.RATE_LIMITED && ending != RouteWalk.Ending.TOO_MANY_VISITS
                && lastFailure != null && lastFailure.result() instanceof AttemptResult.Replied;
        if (!relay) {
            discard(lastFailure);
        }
        return new Failed(lastStep, lastFailure, relay, error, trace(walk));
    }

    private StepResult call(ResolvedGateway gateway, ClientRequest client, Step step, TimelineRecorder timeline)
            throws InterruptedException {
        try {
            return steps.run(gateway, client, step, false, timeline);
        } catch (ApiException refused) {
            timeline.forgetRefusal();
            byte[] body = Json.bytes(ErrorEnvelope.GATEWAY.render(refused));
            return StepResult.of(new AttemptResult.Replied(new UpstreamReply(refused.status(),
                    Map.of("content-type", "application/json"), new UpstreamReply.Full(body))));
        }
    }

    private void answer(HttpServerExchange exchange, ProxyPlan plan, RequestLog log, TimelineRecorder timeline,
                        ResolvedGateway gateway, ClientRequest client, Step step, StepResult result, RoutePlan route,
                        Timeline.Route trace) throws java.io.IOException, InterruptedException {
        AttemptResult.Replied replied = (AttemptResult.Replied) result.result();
        Map<String, String> headers = ReplyHeaders.of(plan, step, log, result.cacheStatus());
        if (trace != null) {
            headers.put("cf-aig-step", String.valueOf(step.index()));
            timelines.add(timeline.finish(client, gateway, headers.get(ReplyHeaders.LOG_ID),
                    replied.reply().status(), trace));
        }
        writer.write(exchange, replied.reply(), replied.delivery(), headers, written -> {
            log.answered(step, result, written);
            result.afterLastByte().accept(written);
            completed(route, step, result, written);
        });
    }

    /** Adds a completed 2xx answer's cost to the route's budget nodes (4.5); a cache hit costs nothing. */
    static void completed(RoutePlan route, Step step, StepResult result, WrittenReply written) {
        if (written.status() >= 200 && written.status() < 300 && result.cacheStatus() != CacheStatus.HIT) {
            route.walk().completed(Prices.listPrice(step.model(), Usage.of(written.contentType(), written.body())));
        }
    }

    private static void discard(StepResult failure) {
        if (failure != null && failure.result() instanceof AttemptResult.Replied replied) {
            ReplyWriter.discard(replied.reply());
        }
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
