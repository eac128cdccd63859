package dev.aigw.emulator.internal.provider.fake;

import dev.aigw.emulator.internal.reply.ReplySource;
import dev.aigw.emulator.internal.provider.FakeProvider;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.util.Logs;
import org.slf4j.Logger;

/**
 * Turns a fake's unexpected exception into that provider's 500, so that no request ever fails by throwing. Such
 * an exception is a fault of the emulator, logged at WARN with its cause.
 */
final class NeverThrows implements FakeProvider {

    private static final Logger LOG = Logs.getLogger(NeverThrows.class);

    private final String slug;
    private final FakeProvider delegate;

    NeverThrows(String slug, FakeProvider delegate) {
        this.slug = slug;
        this.delegate = delegate;
    }

    @Override
    public UpstreamReply answer(UpstreamRequest request, ReplySource replies) {
        try {
            return delegate.answer(request, replies);
        } catch (RuntimeException e) {
            LOG.warn("The fake of provider '{}' failed to answer {} {}; it answers its 500 instead", slug,
                    request.method(), request.path(), e);
            return serverError(request);
        }
    }

    @Override
    public UpstreamReply error(int status, UpstreamRequest request) {
        try {
            return delegate.error(status, request);
        } catch (RuntimeException e) {
            LOG.warn("The fake of provider '{}' failed to make its {} error for {} {}; it answers its 500 instead",
                    slug, status, request.method(), request.path(), e);
            return serverError(request);
        }
    }

    private UpstreamReply serverError(UpstreamRequest request) {
        try {
            return delegate.error(500, request);
        } catch (RuntimeException e) {
            LOG.warn("The fake of provider '{}' failed to make its 500 error for {} {}; an OpenAI-style 500 stands in",
                    slug, request.method(), request.path(), e);
            return OpenAiErrors.forStatus(500, "the requested model");
        }
    }

    @Override
    public String toString() {
        return delegate.getClass().getSimpleName();
    }
}
