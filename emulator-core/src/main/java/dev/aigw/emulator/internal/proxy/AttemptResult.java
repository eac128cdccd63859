package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.provider.UpstreamReply;
import java.time.Duration;

/** How one upstream attempt ended: with a reply (any status), or with no HTTP response at all. */
public sealed interface AttemptResult {

    /** The timeline's name for this outcome. */
    String outcome();

    /** The upstream answered; the reply's status decides success. {@code delivery} paces and may cut its body. */
    record Replied(UpstreamReply reply, Delivery delivery) implements AttemptResult {
        public Replied(UpstreamReply reply) {
            this(reply, Delivery.NORMAL);
        }

        @Override
        public String outcome() {
            if (delivery.breakAfterEvents() >= 0) {
                return "broken_stream";
            }
            if (delivery.malformed()) {
                return "malformed_body";
            }
            return reply.status() >= 200 && reply.status() < 300 ? "success" : "http_error";
        }
    }

    /** No HTTP response: the connection failed, was reset, closed empty, or the attempt timed out. */
    record Failed(String outcome, String detail) implements AttemptResult {
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
