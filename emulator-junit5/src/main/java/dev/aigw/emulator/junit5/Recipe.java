package dev.aigw.emulator.junit5;

import dev.aigw.emulator.AiGatewayEmulator;
import dev.aigw.emulator.ClockMode;
import dev.aigw.emulator.RecordingSettings;
import dev.aigw.emulator.VirtualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * How the extension builds an emulator: the options of {@link AiGatewayTest} or of
 * {@link AiGatewayExtension.Builder}, applied to a fresh {@link AiGatewayEmulator.Builder} each time.
 */
record Recipe(int port, String accountId, ClockMode clockMode, Instant startAt,
              List<Consumer<AiGatewayEmulator.Builder>> customizers, boolean failOnLeftoverScripts,
              boolean failOnReplyProblems) {

    static final Recipe DEFAULTS = new Recipe(0, AiGatewayEmulator.DEFAULT_ACCOUNT_ID, ClockMode.AUTO, null, List.of(),
            true, true);

    Recipe {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(clockMode, "clockMode");
        customizers = List.copyOf(customizers);
        if (startAt != null && clockMode == ClockMode.SYSTEM) {
            throw new IllegalArgumentException("a start instant sets a virtual clock's first instant; it does not apply"
                    + " to ClockMode.SYSTEM: remove it or choose ClockMode.AUTO or MANUAL");
        }
    }

    /** Reads the options of an annotation found on {@code annotatedClass}. */
    static Recipe of(AiGatewayTest options, Class<?> annotatedClass) {
        Instant start = null;
        if (!options.startAt().isEmpty()) {
            try {
                start = Instant.parse(options.startAt());
            } catch (DateTimeParseException e) {
                throw new ExtensionConfigurationException("@AiGatewayTest(startAt = \"" + options.startAt() + "\") on "
                        + annotatedClass.getName() + " is not an ISO-8601 instant such as 2026-04-01T08:00:00Z", e);
            }
        }
        try {
            List<Consumer<AiGatewayEmulator.Builder>> changes = new ArrayList<>();
            changes.add(declaring(options.gateways()));
            if (!options.hints()) {
                changes.add(b -> b.hints(false));
            }
            if (!options.replyFixtures().isEmpty()) {
                changes.add(replyFixtures(Path.of(options.replyFixtures())));
            }
            if (options.strictReplies()) {
                changes.add(b -> b.strictReplies(true));
            }
            changes.add(upstreams(options.upstreams()));
            if (!options.recordings().isEmpty()) {
                RecordingSettings recordings = RecordingSettings.in(Path.of(options.recordings())).build();
                RecordingSettings withModes = options.recordingMode().isEmpty() ? recordings
                        : recordings.withModes(options.recordingMode());
                changes.add(b -> b.recordings(withModes));
            } else if (!options.recordingMode().isEmpty()) {
                throw new IllegalArgumentException("recordingMode = \"" + options.recordingMode() + "\" needs a"
                        + " recordings directory: add recordings = \"src/test/resources/recordings\"");
            }
            return new Recipe(options.port(), options.accountId(), options.clock(), start, changes,
                    options.failOnLeftoverScripts(), options.failOnReplyProblems());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@AiGatewayTest on " + annotatedClass.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Returns the change that declares these gateways on an emulator's builder, once it has checked them there.
     *
     * @throws IllegalArgumentException if the management API would refuse an id, or an id comes twice
     */
    static Consumer<AiGatewayEmulator.Builder> declaring(String... gatewayIds) {
        List<String> ids = List.of(gatewayIds);
        AiGatewayEmulator.Builder check = AiGatewayEmulator.builder();
        ids.forEach(check::gateway);
        return builder -> ids.forEach(builder::gateway);
    }

    /**
     * Returns the change that adds a fixture directory's reply rules to an emulator's builder, once it has read them.
     *
     * @throws IllegalArgumentException if the directory or a file in it is not valid, listing every problem
     */
    static Consumer<AiGatewayEmulator.Builder> replyFixtures(Path directory) {
        AiGatewayEmulator.builder().replyFixtures(directory);
        return builder -> builder.replyFixtures(directory);
    }

    /**
     * Returns the change that points providers at real servers, each given as {@code slug=baseUrl}.
     *
     * @throws IllegalArgumentException if one is not {@code slug=baseUrl} with an absolute http(s) URL
     */
    static Consumer<AiGatewayEmulator.Builder> upstreams(String... upstreams) {
        AiGatewayEmulator.Builder check = AiGatewayEmulator.builder();
        for (String upstream : upstreams) {
            int equals = upstream.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("upstreams = \"" + upstream + "\" is not slug=baseUrl, e.g."
                        + " \"openai=https://api.openai.com\"");
            }
            check.upstream(upstream.substring(0, equals), upstream.substring(equals + 1));
        }
        return builder -> {
            for (String upstream : upstreams) {
                int equals = upstream.indexOf('=');
                builder.upstream(upstream.substring(0, equals), upstream.substring(equals + 1));
            }
        };
    }

    /** Builds and starts an emulator with these options. */
    RunningEmulator start() {
        AiGatewayEmulator.Builder builder = AiGatewayEmulator.builder()
                .port(port)
                .accountId(accountId)
                .clock(Clocks.newClock(clockMode, startAt == null ? VirtualClock.DEFAULT_START : startAt));
        customizers.forEach(customizer -> customizer.accept(builder));
        return new RunningEmulator(builder.build().start(), failOnLeftoverScripts, failOnReplyProblems);
    }
}
