package dev.aigw.emulator.internal.api;

import dev.aigw.emulator.Permission;

/** What a route needs (a permission, or {@code null} for none) and who answers it. */
public record ApiRoute(Permission permission, Endpoint endpoint) {
}
