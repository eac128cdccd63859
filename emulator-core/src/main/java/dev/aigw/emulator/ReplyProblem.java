package dev.aigw.emulator;

import java.time.Instant;

/**
 * Something about a fake model's reply that fails the test at its end, as leftover scripts do: a request no rule
 * matched in strict mode, a reply that breaks the JSON schema the request asked for, a schema the emulator cannot
 * answer, or a request no recording matched in replay mode.
 *
 * @param kind what went wrong
 * @param provider the provider slug
 * @param gatewayId the gateway the client called
 * @param testId the request's test id, or {@code null}
 * @param at the emulator clock's instant of the attempt
 * @param message what went wrong, in full
 */
public record ReplyProblem(Kind kind, String provider, String gatewayId, String testId, Instant at, String message) {

    /** What went wrong. */
    public enum Kind {
        /** Strict mode was on and no reply rule matched; the client got a 400. */
        UNMATCHED,
        /** A reply's structured output or tool arguments do not validate against the request's schema; it was sent. */
        SCHEMA_VIOLATION,
        /** The request's schema uses a keyword the emulator cannot generate JSON for; the client got a 400. */
        UNSUPPORTED_SCHEMA,
        /** A provider replays recordings and none matched the request; the client got a 501 naming the closest. */
        REPLAY_MISS
    }
}
