package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.ScanOutcome;
import dev.aigw.emulator.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Collects one request's attempts as they happen, what the gateway's content checks found, and how the gateway
 * itself refused the request, if it did; not shared between threads.
 */
public final class TimelineRecorder {

    private final Instant arrivedAt;
    private final Function<Step, String> logIds;
    private final BiConsumer<Step, ScanOutcome> scans;
    private final List<Timeline.Attempt> attempts = new ArrayList<>();
    private Timeline.Refusal refusal;
    private String refusedProvider;

    /**
     * Starts the timeline of a request that arrived then, whose steps have these log ids, handing what the content
     * checks find in each step to {@code scans}.
     */
    public TimelineRecorder(Instant arrivedAt, Function<Step, String> logIds, BiConsumer<Step, ScanOutcome> scans) {
        this.arrivedAt = arrivedAt;
        this.logIds = logIds;
        this.scans = scans;
    }

    /** Records what the content checks found in a step's prompt or response. */
    public void scanned(Step step, ScanOutcome outcome) {
        scans.accept(step, outcome);
    }

    /** Records that the gateway itself refused or blocked a step of the request at {@code at}. */
    public void refused(Step step, int status, int code, String reason, Instant at) {
        refusal = new Timeline.Refusal(status, code, reason, offset(at));
        refusedProvider = step.provider().slug();
    }

    /** Tells whether the gateway itself refused or blocked a step of the request. */
    public boolean hasRefusal() {
        return refusal != null;
    }

    /** Forgets a refusal the request went on from (a dynamic route's model node refused, then its fallback taken). */
    public void forgetRefusal() {
        refusal = null;
        refusedProvider = null;
    }

    /** Returns the {@code cf-aig-log-id} of a step of this request. */
    public String logIdFor(Step step) {
        return logIds.apply(step);
    }

    public void attempt(int step, String provider, int attempt, Instant start, Instant end, Timeline.Outcome outcome,
                        Integer status, Duration delayBeforeNext) {
        attempts.add(new Timeline.Attempt(step, provider, attempt, offset(start), offset(end), outcome, status,
                delayBeforeNext.toMillis()));
    }

    public boolean isEmpty() {
        return attempts.isEmpty();
    }

    /** Returns how many attempts were made so far. */
    public int size() {
        return attempts.size();
    }

    public Timeline finish(ClientRequest client, ResolvedGateway gateway, String logId, int status) {
        return finish(client, gateway, logId, status, null);
    }

    /** Returns the timeline of a request that ran a dynamic route ({@code route} may be {@code null}). */
    public Timeline finish(ClientRequest client, ResolvedGateway gateway, String logId, int status,
                           Timeline.Route route) {
        String provider = attempts.isEmpty() ? refusedProvider : attempts.get(0).provider();
        return new Timeline(client.requestId(), logId, gateway.accountId(), gateway.gateway().id(), provider,
                arrivedAt, status, client.testId(), attempts, route, refusal);
    }

    /** Returns virtual milliseconds from the request's arrival to {@code instant}. */
    public long offsetOf(Instant instant) {
        return offset(instant);
    }

    private long offset(Instant instant) {
        return Duration.between(arrivedAt, instant).toMillis();
    }
}
