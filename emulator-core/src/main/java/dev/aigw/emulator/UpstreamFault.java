package dev.aigw.emulator;

/** A scripted failure of an upstream provider's connection. */
public sealed interface UpstreamFault extends UpstreamBehavior {

    /** No response at all: the gateway's request timeout decides what happens (without one, it waits). */
    record Hang() implements UpstreamFault {
    }

    /** The connection is reset before any response: a failed attempt with no HTTP response. */
    record ConnectionReset() implements UpstreamFault {
    }

    /** The connection closes without a response: a failed attempt with no HTTP response. */
    record EmptyResponse() implements UpstreamFault {
    }

    /**
     * The response starts (200, the provider's stream), {@code afterEvents} events arrive, then the connection
     * drops; a non-streaming answer is cut in the middle of its body. Not retried: bytes reached the client.
     */
    record BrokenStream(int afterEvents) implements UpstreamFault {
        public BrokenStream {
            if (afterEvents < 0) {
                throw new IllegalArgumentException("afterEvents must be >= 0, got " + afterEvents);
            }
        }
    }

    /** A 200 whose JSON body is cut off: the gateway passes it on, the client fails to parse it. */
    record MalformedBody() implements UpstreamFault {
    }

    /** Returns a hang. */
    static UpstreamFault hang() {
        return new Hang();
    }

    /** Returns a connection reset. */
    static UpstreamFault connectionReset() {
        return new ConnectionReset();
    }

    /** Returns an empty response. */
    static UpstreamFault emptyResponse() {
        return new EmptyResponse();
    }

    /** Returns a stream that breaks after {@code events} events. */
    static UpstreamFault brokenStream(int events) {
        return new BrokenStream(events);
    }

    /** Returns a malformed body. */
    static UpstreamFault malformedBody() {
        return new MalformedBody();
    }
}
