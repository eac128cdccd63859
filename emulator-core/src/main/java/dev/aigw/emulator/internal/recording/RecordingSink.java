package dev.aigw.emulator.internal.recording;

import dev.aigw.emulator.Recording;
import dev.aigw.emulator.RecordingMode;
import java.util.List;

/**
 * Where {@code Recordings} reads and switches modes and lists recordings: the emulator's own {@link RecordingLibrary}
 * in-process, the control API of an emulator running elsewhere over HTTP. Implementations are thread-safe.
 */
public interface RecordingSink {

    /** Returns a provider's mode now. */
    RecordingMode mode(String provider);

    /** Switches a provider's mode until the next reset. */
    void mode(String provider, RecordingMode mode);

    /** Returns the recordings held, in the order they replay. */
    List<Recording> list();
}
