package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamRequest;

/** Lets a built-in fake provider answer, with no network. */
final class FakeUpstream implements Upstream {

    private final FakeProvider fake;

    FakeUpstream(FakeProvider fake) {
        this.fake = fake;
    }

    @Override
    public AttemptResult call(UpstreamRequest request) {
        return new AttemptResult.Replied(fake.answer(request));
    }
}
