package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.UpstreamBehavior;
import dev.aigw.emulator.UpstreamFault;
import dev.aigw.emulator.UpstreamResponse;
import dev.aigw.emulator.internal.provider.SseEvent;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.proxy.AttemptResult.Delivery;
import dev.aigw.emulator.internal.script.Scripts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Makes one attempt the way the script says, taking the script's next step for the attempt's provider at
 * the attempt's start, or lets the provider's upstream answer when nothing is scripted. All waits (latency, hangs, timeouts) are on the emulator's clock: a response that would start
 * after the attempt's timeout is a timeout at exactly that instant.
 */
public final class ScriptedAttempts {

    private final Scripts scripts;
    private final Upstreams upstreams;
    private final EmulatorClock clock;

    public ScriptedAttempts(Scripts scripts, Upstreams upstreams, EmulatorClock clock) {
        this.scripts = scripts;
        this.upstreams = upstreams;
        this.clock = clock;
    }

    /**
     * Makes the attempt; {@code origin} is the provider's real origin the step addresses, {@code timeout} is
     * {@code null} when it has no time limit.
     */
    public AttemptResult attempt(UpstreamRequest request, String origin, String gatewayId, String testId,
                                 Duration timeout) throws InterruptedException {
        Upstream upstream = upstreams.forProvider(request.provider(), origin);
        UpstreamBehavior behavior = scripts.next(request.provider(), gatewayId, testId).orElse(null);
        if (behavior == null) {
            return upstream.call(request, timeout);
        }
        if (behavior instanceof UpstreamResponse response) {
            if (timeout != null && response.latency().compareTo(timeout) >= 0) {
                return timedOut(timeout);
            }
            clock.sleep(response.latency());
            return respond(response, request, upstream);
        }
        if (behavior instanceof UpstreamFault.Hang) {
            if (timeout != null) {
                return timedOut(timeout);
            }
            clock.await(new CompletableFuture<Void>(), null);
            throw new IllegalStateException("a hang never completes");
        }
        if (behavior instanceof UpstreamFault.ConnectionReset) {
            return new AttemptResult.Failed(Timeline.Outcome.CONNECTION_RESET, "scripted connection reset");
        }
        if (behavior instanceof UpstreamFault.EmptyResponse) {
            return new AttemptResult.Failed(Timeline.Outcome.EMPTY_RESPONSE, "scripted empty response");
        }
        AttemptResult normal = upstream.call(request, timeout);
        if (!(normal instanceof AttemptResult.Replied replied)) {
            return normal;
        }
        if (behavior instanceof UpstreamFault.BrokenStream broken) {
            return new AttemptResult.Replied(replied.reply(),
                    new Delivery(Duration.ZERO, Duration.ZERO, broken.afterEvents(), false));
        }
        return new AttemptResult.Replied(malformed(replied.reply()), new Delivery(Duration.ZERO, Duration.ZERO, -1, true));
    }

    private AttemptResult timedOut(Duration timeout) throws InterruptedException {
        clock.sleep(timeout);
        return new AttemptResult.Failed(Timeline.Outcome.TIMEOUT, "no response head within " + timeout.toMillis() + " ms");
    }

    private AttemptResult respond(UpstreamResponse response, UpstreamRequest request, Upstream upstream)
            throws InterruptedException {
        Delivery pacing = new Delivery(response.timeToFirstToken(), response.eventInterval(), -1, false);
        UpstreamReply base;
        if (response.body() != null) {
            base = new UpstreamReply(response.status(), Map.of("content-type", "application/json"),
                    new UpstreamReply.Full(response.body().getBytes(StandardCharsets.UTF_8)));
        } else if (response.events() != null) {
            List<SseEvent> events = response.events().stream().map(data -> new SseEvent(null, data)).toList();
            base = new UpstreamReply(response.status(), Map.of("content-type", "text/event-stream"),
                    new UpstreamReply.Stream(events));
        } else if (response.status() >= 200 && response.status() < 300) {
            AttemptResult normal = upstream.call(request, null);
            if (!(normal instanceof AttemptResult.Replied replied)) {
                return normal;
            }
            base = replied.reply();
        } else {
            base = upstreams.fakeFor(request.provider()).error(response.status(), request);
        }
        Map<String, String> headers = new HashMap<>(base.headers());
        headers.putAll(response.headers());
        return new AttemptResult.Replied(new UpstreamReply(response.status(), headers, base.body()), pacing);
    }

    /** Cuts a JSON body (or the first event of a stream) in half, so it no longer parses. */
    private static UpstreamReply malformed(UpstreamReply reply) {
        if (reply.body() instanceof UpstreamReply.Full full) {
            byte[] bytes = full.bytes();
            return new UpstreamReply(reply.status(), reply.headers(),
                    new UpstreamReply.Full(Arrays.copyOf(bytes, Math.max(1, bytes.length / 2))));
        }
        if (reply.body() instanceof UpstreamReply.Stream stream && !stream.events().isEmpty()) {
            List<SseEvent> events = new ArrayList<>(stream.events());
            SseEvent first = events.get(0);
            events.set(0, new SseEvent(first.event(), first.data().substring(0, Math.max(1, first.data().length() / 2))));
            return new UpstreamReply(reply.status(), reply.headers(), new UpstreamReply.Stream(events));
        }
        return reply;
    }
}
