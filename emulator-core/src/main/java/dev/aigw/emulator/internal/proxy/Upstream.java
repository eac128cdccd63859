package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.provider.UpstreamRequest;
import java.time.Duration;

/** Answers upstream attempts for one provider: a built-in fake, or a real server. */
public interface Upstream {

    /**
     * Makes one attempt; never throws for upstream trouble, which is a {@link AttemptResult.Failed}.
     *
     * @param timeout the longest wait for the response head on the emulator's clock, or {@code null}
     */
    AttemptResult call(UpstreamRequest request, Duration timeout) throws InterruptedException;
}
