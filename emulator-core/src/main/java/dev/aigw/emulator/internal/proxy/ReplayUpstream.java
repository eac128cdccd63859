package dev.aigw.emulator.internal.proxy;

import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.Timeline;
import dev.aigw.emulator.internal.provider.UpstreamReply;
import dev.aigw.emulator.internal.provider.UpstreamRequest;
import dev.aigw.emulator.internal.recording.Exchange;
import dev.aigw.emulator.internal.recording.RecordingLibrary;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Answers from recordings with no network, after the recorded time to the response head on the emulator's clock
 * (a timeout first if that is longer than the attempt may wait), a stream's events each after its recorded gap. A
 * request no recording matches goes to {@code missing} when the mode records what is missing, else gets a 501.
 */
final class ReplayUpstream implements Upstream {

    private final RecordingLibrary library;
    private final EmulatorClock clock;
    private final Upstream missing;

    /** Replays; {@code missing} answers what is not recorded, or {@code null} for a 501. */
    ReplayUpstream(RecordingLibrary library, EmulatorClock clock, Upstream missing) {
        this.library = library;
        this.clock = clock;
        this.missing = missing;
    }

    @Override
    public AttemptResult call(UpstreamRequest request, Duration timeout) throws InterruptedException {
        Optional<Exchange> found = library.replay(request);
        if (found.isEmpty()) {
            if (missing != null) {
                return missing.call(request, timeout);
            }
            return new AttemptResult.Replied(new UpstreamReply(501, Map.of("content-type", "application/json"),
                    new UpstreamReply.Full(library.miss(request))));
        }
        Exchange.Response response = found.get().response();
        Duration head = Duration.ofMillis(response.headMillis());
        if (timeout != null && head.compareTo(timeout) >= 0) {
            clock.sleep(timeout);
            return new AttemptResult.Failed(Timeline.Outcome.TIMEOUT, "the recorded response head came after "
                    + head.toMillis() + " ms, beyond the attempt's timeout of " + timeout.toMillis() + " ms");
        }
        clock.sleep(head);
        return new AttemptResult.Replied(new UpstreamReply(response.status(), response.headers(),
                RecordingLibrary.body(response, clock)));
    }
}
