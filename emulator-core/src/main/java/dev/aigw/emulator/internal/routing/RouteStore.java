package dev.aigw.emulator.internal.routing;

import dev.aigw.emulator.internal.gateway.GatewayRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The dynamic routes of every gateway, keyed by the gateway's incarnation ({@link GatewayRef}), so a deleted and
 * recreated gateway starts without routes. Thread-safe: every method is atomic.
 */
public final class RouteStore {

    private final Map<GatewayRef, Map<String, Route>> routes = new HashMap<>();

    /** Stores a new route and returns true, unless the gateway already has a route of its name. */
    public synchronized boolean addIfNameFree(GatewayRef gateway, Route route) {
        if (nameTaken(gateway, route.name(), route.id())) {
            return false;
        }
        routes.computeIfAbsent(gateway, ignored -> new LinkedHashMap<>()).put(route.id(), route);
        return true;
    }

    /** Tells whether the gateway has a route of that name other than {@code exceptId}. */
    public synchronized boolean nameTaken(GatewayRef gateway, String name, String exceptId) {
        return list(gateway).stream().anyMatch(r -> r.name().equals(name) && !r.id().equals(exceptId));
    }

    /** Returns a gateway's routes, oldest first. */
    public synchronized List<Route> list(GatewayRef gateway) {
        return new ArrayList<>(routes.getOrDefault(gateway, Map.of()).values());
    }

    /** Returns the route of that id, if any. */
    public synchronized Optional<Route> find(GatewayRef gateway, String id) {
        return Optional.ofNullable(routes.getOrDefault(gateway, Map.of()).get(id));
    }

    /** Returns the route of that name, if any. */
    public synchronized Optional<Route> findByName(GatewayRef gateway, String name) {
        return list(gateway).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Replaces the route of that id by {@code change} applied to it, and returns the new route, if it exists. */
    public synchronized Optional<Route> update(GatewayRef gateway, String id, UnaryOperator<Route> change) {
        Map<String, Route> ofGateway = routes.get(gateway);
        Route before = ofGateway == null ? null : ofGateway.get(id);
        if (before == null) {
            return Optional.empty();
        }
        Route after = change.apply(before);
        ofGateway.put(id, after);
        return Optional.of(after);
    }

    /** Removes the route of that id and returns it, if it existed. */
    public synchronized Optional<Route> remove(GatewayRef gateway, String id) {
        Map<String, Route> ofGateway = routes.get(gateway);
        return ofGateway == null ? Optional.empty() : Optional.ofNullable(ofGateway.remove(id));
    }

    /** Drops every route of a gateway. */
    public synchronized void dropGateway(GatewayRef gateway) {
        routes.remove(gateway);
    }

    /** Drops every route. */
    public synchronized void clear() {
        routes.clear();
    }
}
