package dev.aigw.emulator;

import dev.aigw.emulator.internal.recording.RecordingSink;
import java.util.List;
import java.util.Objects;

/**
 * The recordings of an emulator: exchanges with real providers kept as files, replayed offline on the emulator's
 * clock (see {@link RecordingSettings} and docs/recording.md). A request no recording matches in replay mode gets a
 * 501 naming the closest recordings and is a {@link ReplyProblem} of kind {@link ReplyProblem.Kind#REPLAY_MISS}, which
 * fails the test at its end. It works the same on an in-process emulator and on a {@link RemoteEmulator}.
 * Thread-safe.
 */
public final class Recordings {

    private final RecordingSink sink;

    Recordings(RecordingSink sink) {
        this.sink = sink;
    }

    /** Returns a provider's recording mode now: its own, else the default for providers with a real upstream. */
    public RecordingMode mode(String provider) {
        return sink.mode(Objects.requireNonNull(provider, "provider"));
    }

    /**
     * Switches a provider's recording mode until the next reset.
     *
     * @throws IllegalArgumentException if the emulator has no recordings directory, the provider is unknown, or the
     *     mode records and the provider has no real upstream to record from
     */
    public Recordings mode(String provider, RecordingMode mode) {
        sink.mode(Objects.requireNonNull(provider, "provider"), Objects.requireNonNull(mode, "mode"));
        return this;
    }

    /** Returns the recordings the emulator holds, those written since it started included, in replay order. */
    public List<Recording> list() {
        return sink.list();
    }

    @Override
    public String toString() {
        return "Recordings[" + sink + "]";
    }
}
