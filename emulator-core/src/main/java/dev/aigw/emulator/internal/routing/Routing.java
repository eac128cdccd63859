package dev.aigw.emulator.internal.routing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.EmulatorClock;
import dev.aigw.emulator.internal.gateway.GatewayRef;
import java.util.Optional;
import java.util.function.Function;

/**
 * The dynamic routing of one emulator: its routes, the percentage picker with its seed, and the rate and budget
 * counters. Thread-safe.
 */
public final class Routing {

    private final RouteStore routes = new RouteStore();
    private final SplitPicker splits = new SplitPicker();
    private final RouteCounters counters = new RouteCounters();
    private final EmulatorClock clock;

    /** Creates the routing of an emulator whose clock is {@code clock}. */
    public Routing(EmulatorClock clock) {
        this.clock = clock;
    }

    /** Returns the routes. */
    public RouteStore routes() {
        return routes;
    }

    /** Returns the percentage picker. */
    public SplitPicker splits() {
        return splits;
    }

    /** Returns the rate and budget counters. */
    public RouteCounters counters() {
        return counters;
    }

    /**
     * Starts a walk through the live version of the gateway's route of that name, or returns empty when there is
     * no such route; {@code field} reads the request's fields for conditions and keys ({@code null} when missing).
     */
    public Optional<RouteWalk> start(GatewayRef gateway, String name, Function<String, JsonNode> field) {
        return routes.findByName(gateway, name).flatMap(route -> route.liveVersion().map(version ->
                new RouteWalk(gateway.accountId(), gateway.gatewayId(), route, version, field, this, clock)));
    }

    /** Forgets routes and counters; the seed and mode stay. */
    public void clear() {
        routes.clear();
        splits.clear();
        counters.clear();
    }
}
