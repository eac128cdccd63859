package dev.aigw.emulator.internal.provider.fake;

import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;

/** Turns a fake's unexpected exception into that provider's 500, so that no request ever fails by throwing. */
final class NeverThrows implements FakeProvider {

    private final String slug;
    private final FakeProvider delegate;

    NeverThrows(String slug, FakeProvider delegate) {
        this.slug = slug;
        this.delegate = delegate;
    }

    @Override
    public UpstreamReply answer(UpstreamRequest request) {
        try {
            return delegate.answer(request);
        } catch (RuntimeException e) {
            return serverError(request);
        }
    }

    @Override
    public UpstreamReply error(int status, UpstreamRequest request) {
        try {
            return delegate.error(status, request);
        } catch (RuntimeException e) {
            return serverError(request);
        }
    }

    private UpstreamReply serverError(UpstreamRequest request) {
        try {
            return delegate.error(500, request);
        } catch (RuntimeException e) {
            return OpenAiErrors.forStatus(500, "the requested model");
        }
    }

    @Override
    public String toString() {
        return delegate.getClass().getSimpleName();
    }
}
