package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.reply.ReplySource;
import java.time.Duration;

/** Lets a built-in fake provider answer at once, with no network. */
final class FakeUpstream implements Upstream {

    private final FakeProvider fake;
    private final ReplySource replies;

    FakeUpstream(FakeProvider fake, ReplySource replies) {
        this.fake = fake;
        this.replies = replies;
    }

    @Override
    public AttemptResult call(UpstreamRequest request, Duration timeout) {
        return new AttemptResult.Replied(fake.answer(request, replies));
    }
}
