package dev.aigw.emulator.internal.api;

/** Handles one route of a JSON API; may throw {@link ApiException}. */
@FunctionalInterface
public interface Endpoint {

    /**
     * Answers a request; an endpoint that waits (it runs on a worker thread) throws {@link InterruptedException}
     * when the emulator closes meanwhile.
     */
    ApiResponse handle(ApiRequest request) throws InterruptedException;
}
