package dev.aigw.emulator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where an emulator keeps recordings of real upstream exchanges, which providers record or replay them, how a
 * request is matched to a recording and what is redacted before a file is written (see docs/recording.md).
 *
 * <pre>{@code
 * AiGatewayEmulator.builder()
 *         .upstream("openai", "https://api.openai.com")
 *         .recordings(RecordingSettings.in(Path.of("src/test/resources/recordings"))
 *                 .mode(RecordingMode.REPLAY)
 *                 .ignoreFields("user", "metadata")
 *                 .build())
 * }</pre>
 *
 * @param directory the recordings directory
 * @param mode the mode of every provider with a real upstream and no mode of its own
 * @param providerModes modes given to single providers, by slug
 * @param modelAndMessagesOnly whether a request matches a recording on its model and messages alone instead of its
 *     whole body
 * @param ignoredFields request body members left out of matching, by name ({@code user}) or dotted path
 *     ({@code metadata.trace_id})
 * @param redactedHeaders headers written as {@code [REDACTED]} besides every credential header the emulator knows
 * @param redactedFields request and response body members written as {@code [REDACTED]}, by name or dotted path
 */
public record RecordingSettings(Path directory, RecordingMode mode, Map<String, RecordingMode> providerModes,
                                boolean modelAndMessagesOnly, Set<String> ignoredFields, Set<String> redactedHeaders,
                                Set<String> redactedFields) {

    /** The system property that overrides the modes, e.g. {@code replay} or {@code record-missing,openai=record}. */
    public static final String MODE_PROPERTY = "aigw.recording.mode";

    /** The environment variable that overrides the modes when the system property is not set. */
    public static final String MODE_VARIABLE = "AIGW_RECORDING_MODE";

    public RecordingSettings {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(mode, "mode");
        providerModes = Map.copyOf(providerModes);
        ignoredFields = Set.copyOf(ignoredFields);
        redactedHeaders = Set.copyOf(redactedHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        redactedFields = Set.copyOf(redactedFields);
    }

    /** Starts settings for a recordings directory; every provider with a real upstream replays by default. */
    public static Builder in(Path directory) {
        return new Builder(Objects.requireNonNull(directory, "directory"));
    }

    /** Returns the mode of a provider: its own, else {@link #mode()}. */
    public RecordingMode modeOf(String provider) {
        return providerModes.getOrDefault(provider, mode);
    }

    /** Returns a builder that starts from these settings. */
    public Builder newBuilder() {
        Builder b = new Builder(directory);
        b.mode = mode;
        b.providerModes.putAll(providerModes);
        b.modelAndMessagesOnly = modelAndMessagesOnly;
        b.ignoredFields.addAll(ignoredFields);
        b.redactedHeaders.addAll(redactedHeaders);
        b.redactedFields.addAll(redactedFields);
        return b;
    }

    /**
     * Returns these settings with the modes a switch gives: {@code replay} sets the default mode,
     * {@code openai=record} one provider's, and a list separated by commas both.
     *
     * @throws IllegalArgumentException naming a word that is no mode, with the closest mode
     */
    public RecordingSettings withModes(String modes) {
        Builder b = newBuilder();
        for (String part : Objects.requireNonNull(modes, "modes").split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int equals = item.indexOf('=');
            String name = equals < 0 ? item : item.substring(equals + 1);
            RecordingMode mode = RecordingMode.byName(name).orElseThrow(() -> new IllegalArgumentException(
                    "\"" + name.trim() + "\" is no recording mode; expected record, replay, record-missing or off"
                            + " (in \"" + modes + "\")"));
            if (equals < 0) {
                b.mode(mode);
            } else {
                b.mode(item.substring(0, equals).trim(), mode);
            }
        }
        return b.build();
    }

    /** Builds {@link RecordingSettings}. */
    public static final class Builder {

        private final Path directory;
        private RecordingMode mode = RecordingMode.REPLAY;
        private final Map<String, RecordingMode> providerModes = new LinkedHashMap<>();
        private boolean modelAndMessagesOnly;
        private final Set<String> ignoredFields = new LinkedHashSet<>();
        private final Set<String> redactedHeaders = new LinkedHashSet<>();
        private final Set<String> redactedFields = new LinkedHashSet<>();

        private Builder(Path directory) {
            this.directory = directory;
        }

        /** Sets the mode of every provider with a real upstream and no mode of its own; default replay. */
        public Builder mode(RecordingMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Sets one provider's mode; {@code replay} needs no real upstream, the recording modes do. */
        public Builder mode(String provider, RecordingMode mode) {
            if (provider == null || provider.isBlank()) {
                throw new IllegalArgumentException("a recording mode needs a provider slug, e.g. \"openai\"");
            }
            providerModes.put(provider, Objects.requireNonNull(mode, "mode"));
            return this;
        }

        /** Matches requests on their {@code model} and {@code messages} (or {@code contents}, {@code input}) only. */
        public Builder matchModelAndMessagesOnly() {
            this.modelAndMessagesOnly = true;
            return this;
        }

        /** Leaves request body members out of matching, by name or dotted path. */
        public Builder ignoreFields(String... fields) {
            ignoredFields.addAll(nonBlank(fields, "ignored field"));
            return this;
        }

        /** Writes these headers as {@code [REDACTED]}, besides every credential header the emulator knows. */
        public Builder redactHeaders(String... headers) {
            redactedHeaders.addAll(nonBlank(headers, "redacted header"));
            return this;
        }

        /** Writes these request and response body members as {@code [REDACTED]}, by name or dotted path. */
        public Builder redactFields(String... fields) {
            redactedFields.addAll(nonBlank(fields, "redacted field"));
            return this;
        }

        /** Returns the settings. */
        public RecordingSettings build() {
            return new RecordingSettings(directory, mode, providerModes, modelAndMessagesOnly, ignoredFields,
                    redactedHeaders, redactedFields);
        }

        private static Set<String> nonBlank(String[] names, String what) {
            Set<String> out = new LinkedHashSet<>();
            for (String name : names) {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("a " + what + " needs a name, got: \"" + name + "\"");
                }
                out.add(name.trim());
            }
            return out;
        }
    }
}
