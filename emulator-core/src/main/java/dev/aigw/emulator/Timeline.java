package dev.aigw.emulator;

import java.time.Instant;
import java.util.List;

/**
 * What the gateway did for one client request that reached the attempt stage: every upstream attempt with
 * its virtual start and end, outcome and the wait before the next, and the final status.
 *
 * @param requestId the {@code cf-aig-request-id}
 * @param logId the {@code cf-aig-log-id}, or {@code null} when the request was not logged
 * @param accountId the account
 * @param gatewayId the gateway
 * @param provider the provider of the first step
 * @param startedAt the clock's instant when the request arrived
 * @param status the status the client received
 * @param testId the test id the request carried, or {@code null}
 * @param attempts the attempts, in order
 */
public record Timeline(String requestId, String logId, String accountId, String gatewayId, String provider,
                       Instant startedAt, int status, String testId, List<Attempt> attempts) {

    public Timeline {
        attempts = List.copyOf(attempts);
    }

    /**
     * One upstream attempt.
     *
     * @param step the universal-endpoint step (0 otherwise)
     * @param provider the provider tried
     * @param attempt the attempt number within the step, from 1
     * @param startOffsetMillis virtual milliseconds from the request's arrival to the attempt's start
     * @param endOffsetMillis virtual milliseconds from the arrival to the response head or the failure
     * @param outcome {@code success}, {@code http_error}, {@code timeout}, {@code connection_reset},
     *     {@code connection_refused}, {@code empty_response}, {@code broken_stream} or {@code malformed_body}
     * @param status the upstream's status, or {@code null} when no HTTP response came
     * @param delayBeforeNextMillis the wait before the next attempt (0 for the last)
     */
    public record Attempt(int step, String provider, int attempt, long startOffsetMillis, long endOffsetMillis,
                          String outcome, Integer status, long delayBeforeNextMillis) {
    }

    /** Returns the waits between consecutive attempts, in milliseconds, e.g. {@code [5000, 10000, 20000, 40000]}. */
    public List<Long> delaysMillis() {
        return attempts.subList(0, Math.max(0, attempts.size() - 1)).stream()
                .map(Attempt::delayBeforeNextMillis).toList();
    }

    /** Returns the virtual milliseconds at which each attempt started, relative to the request's arrival. */
    public List<Long> attemptStartsMillis() {
        return attempts.stream().map(Attempt::startOffsetMillis).toList();
    }
}
