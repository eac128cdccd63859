package dev.aigw.emulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Says what a provider's upstream does with recordings ({@link RecordingSettings}); the config file, the control API,
 * {@code AIGW_RECORDING_MODE} and {@code -Daigw.recording.mode} spell each constant as {@link #jsonName()}.
 */
public enum RecordingMode {

    /** Calls the real upstream and writes every exchange to the recordings directory. */
    RECORD("record"),

    /** Answers from the recordings with no network; a request with no recording gets a 501 and is a reply problem. */
    REPLAY("replay"),

    /** Replays what is recorded and records what is missing from the real upstream (VCR's "new episodes"). */
    RECORD_MISSING("record-missing"),

    /** Leaves recordings alone: a real upstream is called, the built-in fake answers otherwise. */
    OFF("off");

    private final String jsonName;

    RecordingMode(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Returns the mode's name in JSON, configuration and on the command line, e.g. {@code record-missing}. */
    public String jsonName() {
        return jsonName;
    }

    /** Returns the mode of a name as {@link #jsonName()} spells it (case and {@code _} for {@code -} ignored). */
    public static Optional<RecordingMode> byName(String name) {
        String normal = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(m -> m.jsonName.equals(normal)).findFirst();
    }
}
