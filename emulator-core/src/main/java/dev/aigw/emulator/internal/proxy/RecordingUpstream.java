package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.recording.RecordingLibrary;
import java.time.Duration;

/**
 * Calls a provider's real upstream and has the library write the exchange once its body ended, timed in real time;
 * the client gets the body as it arrives, as from any real upstream.
 */
final class RecordingUpstream implements Upstream {

    private final Upstream real;
    private final RecordingLibrary library;

    RecordingUpstream(Upstream real, RecordingLibrary library) {
        this.real = real;
        this.library = library;
    }

    @Override
    public AttemptResult call(UpstreamRequest request, Duration timeout) throws InterruptedException {
        RecordingLibrary.Recorder recorder = library.recorder(request);
        AttemptResult result = real.call(request, timeout);
        if (!(result instanceof AttemptResult.Replied replied)) {
            return result;
        }
        UpstreamReply reply = replied.reply();
        UpstreamReply.Body body = reply.body();
        UpstreamReply.Body recorded = body instanceof UpstreamReply.Piped piped
                ? new UpstreamReply.Piped(recorder.tee(piped.in(), reply.status(), reply.headers()))
                : recorder.whole(body, reply.status(), reply.headers());
        return new AttemptResult.Replied(new UpstreamReply(reply.status(), reply.headers(), recorded),
                replied.delivery());
    }
}
