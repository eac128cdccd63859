package dev.aigw.emulator.internal.api;

/** Handles one route of a JSON API; may throw {@link ApiException}. */
@FunctionalInterface
public interface Endpoint {

    ApiResponse handle(ApiRequest request);
}
