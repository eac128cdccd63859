package dev.aigw.emulator.internal;

import dev.aigw.emulator.AiGatewayEmulator;

/**
 * What code of the emulator's own may do to a builder that the public API has no method for, installed by
 * {@link AiGatewayEmulator.Builder} when its class initialises, as OkHttp's {@code Internal} is installed by
 * {@code OkHttpClient}:
 * <ul>
 *   <li>the standalone emulator seeds a builder with its config file's gateways (of any account) and script steps:
 *   a Java test declares gateways with {@code Builder.gateway(..)} and queues steps with {@code script(..)}, so a
 *   public {@code seed(..)} would be a second way to do both, and would show the internal {@link Seed};</li>
 *   <li>a test of the build opts in to a fixed port ({@link FixedPorts#allow}).</li>
 * </ul>
 */
public final class BuilderAccess {

    /** The operations {@link AiGatewayEmulator.Builder} installs. */
    public interface Operations {

        /** Has {@code builder} create the seed's gateways and queue its steps when it builds. */
        void seed(AiGatewayEmulator.Builder builder, Seed seed);

        /** Lets the emulator {@code builder} builds start on a fixed port where fixed ports are refused. */
        void allowFixedPort(AiGatewayEmulator.Builder builder);
    }

    private static volatile Operations operations;

    private BuilderAccess() {
    }

    /** Sets the operations; called once, by {@link AiGatewayEmulator.Builder}. */
    public static void install(Operations builderOperations) {
        operations = builderOperations;
    }

    /** Has {@code builder} create the seed's gateways and queue its steps when it builds; returns the builder. */
    public static AiGatewayEmulator.Builder seed(AiGatewayEmulator.Builder builder, Seed seed) {
        // A builder exists, so its class has initialised and installed the operations.
        operations.seed(builder, seed);
        return builder;
    }

    /** Lets the emulator {@code builder} builds start on a fixed port even where they are refused; returns it. */
    static AiGatewayEmulator.Builder allowFixedPort(AiGatewayEmulator.Builder builder) {
        operations.allowFixedPort(builder);
        return builder;
    }
}
