package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.internal.api.ApiException;
import dev.aigw.emulator.internal.guard.ScanOutcomeJson;
import io.undertow.server.HttpServerExchange;

/**
 * Thrown by {@link ScreeningSteps} when the gateway's content checks end a request: the proxy logs the step,
 * records the timeline and answers {@link #error()}. Never retried, never followed by a fallback.
 */
final class ContentBlocked extends RuntimeException {

    private final transient Step step;
    private final ApiException error;
    private final transient Timeline.Route route;

    ContentBlocked(Step step, ApiException error) {
        this(step, error, null);
    }

    private ContentBlocked(Step step, ApiException error, Timeline.Route route) {
        super(error.getMessage(), error, false, false);
        this.step = step;
        this.error = error;
        this.route = route;
    }

    /** Returns this block as it ended a dynamic route, with the route's trace so far. */
    ContentBlocked inRoute(Timeline.Route trace) {
        return new ContentBlocked(step, error, trace);
    }

    /** Returns the step whose prompt or response was blocked. */
    Step step() {
        return step;
    }

    /** Returns the gateway error the client gets. */
    ApiException error() {
        return error;
    }

    /**
     * Logs the blocked step, adds {@code cf-aig-dlp} when DLP matched, records the request's timeline (with the
     * dynamic route it ran, if any) and returns the error to answer.
     */
    ApiException recorded(HttpServerExchange exchange, ClientRequest client, ResolvedGateway gateway, RequestLog log,
                          TimelineRecorder timeline, Timelines timelines) {
        log.blocked(step, error);
        ScanOutcomeJson.dlpHeader(log.scan(step)).ifPresent(value ->
                exchange.getResponseHeaders().put(HeaderNames.of(ScanOutcomeJson.DLP_HEADER), value));
        timelines.add(timeline.finish(client, gateway, log.enabled(step) ? log.idFor(step) : null, error.status(),
                route));
        return error;
    }
}
