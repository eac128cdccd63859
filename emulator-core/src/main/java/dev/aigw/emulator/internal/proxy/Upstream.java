package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.provider.UpstreamRequest;

/** Answers upstream attempts for one provider: a built-in fake, or a real server. */
public interface Upstream {

    /** Makes one attempt; never throws for upstream trouble, which is a {@link AttemptResult.Failed}. */
    AttemptResult call(UpstreamRequest request);
}
