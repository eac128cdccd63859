package dev.aigw.emulator.internal;

import dev.aigw.emulator.AiGatewayEmulator;
import java.util.function.BiConsumer;

/**
 * Lets the standalone emulator seed a builder with its config file's gateways (of any account) and script steps,
 * which the public API has no method for: a Java test declares gateways with {@code Builder.gateway(..)} and queues
 * steps with {@code script(..)}, so a public {@code seed(..)} would be a second way to do both, and would show the
 * internal {@link Seed}. {@link AiGatewayEmulator.Builder} installs the seeding when its class initialises, as
 * OkHttp's {@code Internal} is installed by {@code OkHttpClient}.
 */
public final class BuilderSeeding {

    private static volatile BiConsumer<AiGatewayEmulator.Builder, Seed> seeding;

    private BuilderSeeding() {
    }

    /** Sets how a builder is seeded; called once, by {@link AiGatewayEmulator.Builder}. */
    public static void install(BiConsumer<AiGatewayEmulator.Builder, Seed> builderSeeding) {
        seeding = builderSeeding;
    }

    /** Has {@code builder} create the seed's gateways and queue its steps when it builds; returns the builder. */
    public static AiGatewayEmulator.Builder seed(AiGatewayEmulator.Builder builder, Seed seed) {
        // A builder exists, so its class has initialised and installed the seeding.
        seeding.accept(builder, seed);
        return builder;
    }
}
