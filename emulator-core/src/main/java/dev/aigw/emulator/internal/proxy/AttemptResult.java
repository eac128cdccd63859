package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import java.time.Duration;

/** How one upstream attempt ended: with a reply (any status), or with no HTTP response at all. */
public sealed interface AttemptResult {

    /** Returns how the attempt ended, as its timeline says. */
    Timeline.Outcome outcome();

    /** The upstream answered; the reply's status decides success. {@code delivery} paces and may cut its body. */
    record Replied(UpstreamReply reply, Delivery delivery) implements AttemptResult {
        public Replied(UpstreamReply reply) {
            this(reply, Delivery.NORMAL);
        }

        @Override
        public Timeline.Outcome outcome() {
            if (delivery.breakAfterEvents() >= 0) {
                return Timeline.Outcome.BROKEN_STREAM;
            }
            if (delivery.malformed()) {
                return Timeline.Outcome.MALFORMED_BODY;
            }
            return reply.isSuccess() ? Timeline.Outcome.SUCCESS : Timeline.Outcome.HTTP_ERROR;
        }
    }

    /** No HTTP response: the connection failed, was reset, closed empty, or the attempt timed out. */
    record Failed(Timeline.Outcome outcome, String detail) implements AttemptResult {
    }

    /**
     * How a reply's body reaches the client.
     *
     * @param firstEventDelay for streams, the wait after the headers before the first event
     * @param eventInterval for streams, the wait between events
     * @param breakAfterEvents cut the connection after this many events (a whole body: half-way); -1 never
     * @param malformed whether the body was deliberately corrupted (for the timeline only)
     */
    record Delivery(Duration firstEventDelay, Duration eventInterval, int breakAfterEvents, boolean malformed) {
        public static final Delivery NORMAL = new Delivery(Duration.ZERO, Duration.ZERO, -1, false);
    }
}
