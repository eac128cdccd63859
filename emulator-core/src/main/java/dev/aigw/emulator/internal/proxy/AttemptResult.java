package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.provider.UpstreamReply;

/** How one upstream attempt ended: with a reply (any status), or with no HTTP response at all. */
public sealed interface AttemptResult {

    /** The upstream answered; the reply's status decides success. */
    record Replied(UpstreamReply reply) implements AttemptResult {
    }

    /** No HTTP response: the connection failed, was reset, closed empty, or the attempt timed out. */
    record Failed(String outcome, String detail) implements AttemptResult {
    }
}
