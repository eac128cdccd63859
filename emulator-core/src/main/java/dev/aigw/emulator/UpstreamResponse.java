package dev.aigw.emulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A scripted answer of an upstream provider: a status with optional headers and body or SSE events, and
 * its timing on the emulator's clock.
 *
 * <p>Without a body or events, a non-2xx status gets the provider's own error body for that status (e.g.
 * OpenAI's {@code {"error":{...}}}, Anthropic's {@code overloaded_error} for 529), and a 2xx status gets the
 * provider's normal answer to the request (the fake provider's, or the real upstream's), so
 * {@code UpstreamResponse.builder().latency(Duration.ofSeconds(3)).build()} is a slow success.
 *
 * @param status the HTTP status, from 200 to 599 (a 1xx status is not a final response)
 * @param headers extra response headers (names in lower case), e.g. {@code retry-after}
 * @param body the whole body, or {@code null} for the provider's own
 * @param events SSE {@code data:} payloads to stream instead of a body, or {@code null}
 * @param latency how long before the response starts (headers); a request timeout measures this
 * @param timeToFirstToken for streams: how long after the headers the first event comes
 * @param eventInterval for streams: the time between events ({@link Builder#tokensPerSecond(double)})
 */
public record UpstreamResponse(int status, Map<String, String> headers, String body, List<String> events,
                               Duration latency, Duration timeToFirstToken, Duration eventInterval)
        implements UpstreamBehavior {

    /** Validates and copies the components. */
    public UpstreamResponse {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be from 200 to 599, got " + status
                    + (status >= 100 && status < 200 ? " (an informational 1xx status is never a final response)" : ""));
        }
        Map<String, String> lower = new LinkedHashMap<>();
        Objects.requireNonNull(headers, "headers").forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Map.copyOf(lower);
        if (body != null && events != null) {
            throw new IllegalArgumentException("a response has a body or events, not both");
        }
        events = events == null ? null : List.copyOf(events);
        latency = nonNegative(latency, "latency");
        timeToFirstToken = nonNegative(timeToFirstToken, "timeToFirstToken");
        eventInterval = nonNegative(eventInterval, "eventInterval");
    }

    /** Returns a response with this status and the provider's own body for it, at once. */
    public static UpstreamResponse status(int status) {
        return builder().status(status).build();
    }

    /** Returns a builder for a 200 with the provider's own body, at once. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts from this response. */
    public Builder newBuilder() {
        Builder b = new Builder().status(status).latency(latency).timeToFirstToken(timeToFirstToken)
                .eventInterval(eventInterval);
        headers.forEach(b::header);
        b.body = body;
        b.events = events;
        return b;
    }

    private static Duration nonNegative(Duration d, String name) {
        Duration value = d == null ? Duration.ZERO : d;
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
        return value;
    }

    /** Builds an {@link UpstreamResponse}. */
    public static final class Builder {
        private int status = 200;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private List<String> events;
        private Duration latency = Duration.ZERO;
        private Duration timeToFirstToken = Duration.ZERO;
        private Duration eventInterval = Duration.ZERO;

        private Builder() {
        }

        /** Sets the status; default 200. */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /** Adds a response header, e.g. {@code retry-after}. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Sets the whole body (sent as {@code application/json} unless a content-type header is set). */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** Streams these SSE {@code data:} payloads (as {@code text/event-stream}) instead of a body. */
        public Builder events(List<String> events) {
            this.events = events;
            return this;
        }

        /** Sets how long before the response starts. */
        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        /** Sets, for streams, how long after the headers the first event comes. */
        public Builder timeToFirstToken(Duration timeToFirstToken) {
            this.timeToFirstToken = timeToFirstToken;
            return this;
        }

        /** Sets, for streams, the time between events. */
        public Builder eventInterval(Duration eventInterval) {
            this.eventInterval = eventInterval;
            return this;
        }

        /** Sets, for streams, the pace as events (tokens) per second: one event every {@code 1/rate} seconds. */
        public Builder tokensPerSecond(double rate) {
            if (!(rate > 0)) {
                throw new IllegalArgumentException("tokensPerSecond must be > 0, got " + rate);
            }
            this.eventInterval = Duration.ofNanos(Math.round(1_000_000_000d / rate));
            return this;
        }

        /** Builds the response. */
        public UpstreamResponse build() {
            return new UpstreamResponse(status, headers, body, events, latency, timeToFirstToken, eventInterval);
        }
    }
}
