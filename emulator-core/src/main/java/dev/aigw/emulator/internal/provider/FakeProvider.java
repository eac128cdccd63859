package dev.aigw.emulator.internal.provider;

import dev.aigw.emulator.internal.reply.ReplySource;

/**
 * A built-in stand-in for a provider's API: answers in the provider's own JSON and SSE shapes without
 * any network, deterministically from the request. Implementations are stateless and thread-safe.
 */
public interface FakeProvider {

    /**
     * Answers a request as the real provider would answer it when all is well (or with its 4xx for bad input); a
     * chat request's reply is what {@code replies} decides, rendered in the provider's format.
     */
    UpstreamReply answer(UpstreamRequest request, ReplySource replies);

    /** Answers a request with no reply rules: generated JSON for a schema, else the echo. */
    default UpstreamReply answer(UpstreamRequest request) {
        return answer(request, ReplySource.NO_RULES);
    }

    /** Returns the provider's own error answer for a status (429, 500, 503, 529, ...), with its usual headers. */
    UpstreamReply error(int status, UpstreamRequest request);
}
