package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import java.time.Duration;

/** Lets a built-in fake provider answer at once, with no network. */
final class FakeUpstream implements Upstream {

    private final FakeProvider fake;

    FakeUpstream(FakeProvider fake) {
        this.fake = fake;
    }

    @Override
    public AttemptResult call(UpstreamRequest request, Duration timeout) {
        return new AttemptResult.Replied(fake.answer(request));
    }
}
