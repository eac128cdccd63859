package dev.aigw.emulator.internal;

import dev.aigw.emulator.internal.gateway.StoredSettings;
import dev.aigw.emulator.internal.script.ScriptStepJson;
import dev.aigw.emulator.internal.script.Scripts;
import java.util.List;

/**
 * Holds the gateways and script steps an emulator has from the moment it is built: what the standalone
 * emulator's config file and the builder's {@code gateway(..)} declare, validated by the same code as the
 * management API and the control API. The gateways come back after every reset; the steps do not.
 *
 * @param gateways the gateways to create, in order
 * @param scripts the script steps to queue, in order
 */
public record Seed(List<SeedGateway> gateways, List<SeedScript> scripts) {

    /** A seed that adds nothing. */
    public static final Seed EMPTY = new Seed(List.of(), List.of());

    /** Describes a gateway to create: its account, its id and its validated settings (defaults applied). */
    public record SeedGateway(String accountId, String id, StoredSettings settings) {
    }

    /** Describes a script step to queue for a scope. */
    public record SeedScript(Scripts.Scope scope, ScriptStepJson.ScriptStep step) {
    }

    public Seed {
        gateways = List.copyOf(gateways);
        scripts = List.copyOf(scripts);
    }

    /** Declares the gateways, which creates them and makes every reset create them again, and queues the steps. */
    public void applyTo(EmulatorState state) {
        state.declareGateways(gateways);
        for (SeedScript s : scripts) {
            state.scripts().add(s.scope(), s.step().behavior(), s.step().repeat());
        }
    }
}
