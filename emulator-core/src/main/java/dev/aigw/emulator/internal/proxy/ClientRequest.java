package dev.aigw.emulator.internal.proxy;

import java.time.Instant;

/**
 * The identity of one client request on the data plane.
 *
 * @param requestId the {@code cf-aig-request-id} (a UUIDv7)
 * @param eventId the {@code cf-aig-event-id}: the client's own, or the request id
 * @param arrivedAt the clock's instant when the request arrived
 * @param headers the parsed {@code cf-aig-*} headers
 * @param testId the test id header's value, or {@code null}
 */
public record ClientRequest(String requestId, String eventId, Instant arrivedAt, GatewayHeaders headers, String testId) {
}
