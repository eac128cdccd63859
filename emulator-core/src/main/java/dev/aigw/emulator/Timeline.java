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
 * @param route the dynamic route the request ran, or {@code null}
 * @param refusal how the gateway itself refused or blocked the request (a spent budget, no credits, a Guardrails or DLP
 *     block, the scanner unavailable), or {@code null}
 */
public record Timeline(String requestId, String logId, String accountId, String gatewayId, String provider,
                       Instant startedAt, int status, String testId, List<Attempt> attempts, Route route,
                       Refusal refusal) {

    public Timeline {
        attempts = List.copyOf(attempts);
    }

    /** Creates the timeline of a request the gateway did not refuse. */
    public Timeline(String requestId, String logId, String accountId, String gatewayId, String provider,
                    Instant startedAt, int status, String testId, List<Attempt> attempts, Route route) {
        this(requestId, logId, accountId, gatewayId, provider, startedAt, status, testId, attempts, route, null);
    }

    /**
     * How the gateway itself ended a request: before any attempt (no credits, a spent budget, a blocked prompt, the
     * scanner unavailable) or after the attempt whose response it blocked, on the same time axis as the attempts.
     *
     * @param status the status the client got, e.g. 424
     * @param code the gateway error code, e.g. 2016
     * @param reason why, e.g. {@code "Guardrails blocked the prompt: S1 (Violent Crimes)"}, or the error message the
     *     client got
     * @param offsetMillis virtual milliseconds from the request's arrival to the refusal
     */
    public record Refusal(int status, int code, String reason, long offsetMillis) {
    }

    /** Creates the timeline of a request that ran no dynamic route. */
    public Timeline(String requestId, String logId, String accountId, String gatewayId, String provider,
                    Instant startedAt, int status, String testId, List<Attempt> attempts) {
        this(requestId, logId, accountId, gatewayId, provider, startedAt, status, testId, attempts, null);
    }

    /**
     * The dynamic route a request ran (a {@code dynamic/{name}} model), on the same time axis as the attempts,
     * whose {@code step} is the model node's index in the order the route called them.
     *
     * @param name the route's name
     * @param routeId the route's id
     * @param versionId the version that ran (the live one when the request arrived)
     * @param visits the elements visited, in order
     */
    public record Route(String name, String routeId, String versionId, List<Visit> visits) {

        public Route {
            visits = List.copyOf(visits);
        }

        /** Returns the ids of the elements visited, in order. */
        public List<String> visited() {
            return visits.stream().map(Visit::elementId).toList();
        }

        /** Returns, for each element visited, the output it followed last (elements that ended the route have none). */
        public java.util.Map<String, String> choices() {
            java.util.Map<String, String> choices = new java.util.LinkedHashMap<>();
            visits.stream().filter(v -> v.output() != null).forEach(v -> choices.put(v.elementId(), v.output()));
            return java.util.Collections.unmodifiableMap(choices);
        }
    }

    /**
     * One element of a route visited by a request.
     *
     * @param elementId the element's id
     * @param type the element's type ({@code start}, {@code conditional}, {@code percentage}, {@code rate},
     *     {@code rate_limit}, {@code model}, {@code end})
     * @param offsetMillis virtual milliseconds from the request's arrival to the visit
     * @param output the output followed ({@code next}, {@code true}, {@code 70%}, {@code success},
     *     {@code fallback}, ...), or {@code null} when the route ended there
     * @param reason why a {@code fallback} was taken or the route ended (e.g. {@code "http_error 503 after 3
     *     attempts"}), or {@code null}
     */
    public record Visit(String elementId, String type, long offsetMillis, String output, String reason) {
    }

    /**
     * One upstream attempt.
     *
     * @param step the universal-endpoint step (0 otherwise)
     * @param provider the provider tried
     * @param attempt the attempt number within the step, from 1
     * @param startOffsetMillis virtual milliseconds from the request's arrival to the attempt's start
     * @param endOffsetMillis virtual milliseconds from the arrival to the response head or the failure
     * @param outcome how the attempt ended
     * @param status the upstream's status, or {@code null} when no HTTP response came
     * @param delayBeforeNextMillis the wait before the next attempt (0 for the last)
     */
    public record Attempt(int step, String provider, int attempt, long startOffsetMillis, long endOffsetMillis,
                          Outcome outcome, Integer status, long delayBeforeNextMillis) {
    }

    /**
     * How one upstream attempt ended. The control API's timelines spell each as its {@link #jsonName()}. An attempt
     * is retried (while attempts are left) unless it ended in {@link #SUCCESS}, or in {@link #HTTP_ERROR} with a
     * status other than 429 and 5xx.
     */
    public enum Outcome {
        /** The upstream answered with a 2xx status. */
        SUCCESS("success"),
        /** The upstream answered with a status other than 2xx; the attempt's status says which. */
        HTTP_ERROR("http_error"),
        /** No response head came within the request timeout ({@code cf-aig-request-timeout}). */
        TIMEOUT("timeout"),
        /** The connection broke before a response head (a real upstream's failure, or a scripted reset). */
        CONNECTION_RESET("connection_reset"),
        /** A real upstream refused the connection. */
        CONNECTION_REFUSED("connection_refused"),
        /** The connection closed without any response (scripted). */
        EMPTY_RESPONSE("empty_response"),
        /** The response head came, then the stream was cut after a number of events (scripted). */
        BROKEN_STREAM("broken_stream"),
        /** The response came with a body cut in half, so that it does not parse (scripted). */
        MALFORMED_BODY("malformed_body"),
        /** The request could not be sent to a real upstream at all: a path or header an HTTP client refuses. */
        BAD_REQUEST("bad_request"),
        /**
         * A real upstream's final response had a status HTTP cannot relay as one (1xx, such as 101 or 103, or
         * above 599), so the gateway does not pass it on.
         */
        INVALID_RESPONSE("invalid_response");

        private final String jsonName;

        Outcome(String jsonName) {
            this.jsonName = jsonName;
        }

        /** Returns the outcome's name in the control API's JSON, e.g. {@code http_error}. */
        public String jsonName() {
            return jsonName;
        }
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
