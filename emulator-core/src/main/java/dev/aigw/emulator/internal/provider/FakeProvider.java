package dev.aigw.emulator.internal.provider;

/**
 * A built-in stand-in for a provider's API: answers in the provider's own JSON and SSE shapes without
 * any network, deterministically from the request. Implementations are stateless and thread-safe.
 */
public interface FakeProvider {

    /** Answers a request as the real provider would answer it when all is well (or with its 4xx for bad input). */
    UpstreamReply answer(UpstreamRequest request);

    /** Returns the provider's own error answer for a status (429, 500, 503, 529, ...), with its usual headers. */
    UpstreamReply error(int status, UpstreamRequest request);
}
