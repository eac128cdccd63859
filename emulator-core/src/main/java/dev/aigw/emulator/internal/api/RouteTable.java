package dev.aigw.emulator.internal.api;

import dev.aigw.emulator.Permission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps method and path template (e.g. {@code /accounts/{account_id}/ai-gateway/gateways/{id}}) to a
 * route. A template segment in braces matches any one non-empty segment and binds it by name.
 */
public final class RouteTable {

    private final List<Entry> entries = new ArrayList<>();

    private record Entry(String method, String[] template, ApiRoute route) {
    }

    /** The outcome of a lookup: a route with its path parameters, or why none matched. */
    public sealed interface Match {
        record Found(ApiRoute route, Map<String, String> params) implements Match {
        }

        record WrongMethod(Set<String> allowed) implements Match {
        }

        record NotFound() implements Match {
        }
    }

    /** Adds a route and returns this table. */
    public RouteTable add(String method, String template, Permission permission, Endpoint endpoint) {
        entries.add(new Entry(method, split(template), new ApiRoute(permission, endpoint)));
        return this;
    }

    /** Adds every route of another table after these (a feature's own table) and returns this table. */
    public RouteTable addAll(RouteTable other) {
        entries.addAll(other.entries);
        return this;
    }

    /** Finds the route for a method and a path relative to the surface's prefix. */
    public Match match(String method, String path) {
        String[] segments = split(path);
        Set<String> allowed = new LinkedHashSet<>();
        for (Entry entry : entries) {
            Map<String, String> params = bind(entry.template, segments);
            if (params == null) {
                continue;
            }
            if (entry.method.equals(method)) {
                return new Match.Found(entry.route, params);
            }
            allowed.add(entry.method);
        }
        return allowed.isEmpty() ? new Match.NotFound() : new Match.WrongMethod(allowed);
    }

    private static Map<String, String> bind(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), segments[i]);
            } else if (!t.equals(segments[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.split("/", -1);
    }
}
