package dev.aigw.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a gateway's logs, as the Logs API reports it (proxy.md 7.2, management-api.md 4.2): written
 * for each proxied request when logging is on, or for each step tried on the universal endpoint.
 *
 * @param id the log id, the {@code cf-aig-log-id} the client got
 * @param createdAt when the request (or the universal step) started, on the emulator's clock
 * @param provider the provider slug that was addressed, e.g. {@code openai}
 * @param model the model the request named, or empty when it named none
 * @param path the provider path, e.g. {@code chat/completions}
 * @param requestType how the request arrived: {@code provider}, {@code compat} or {@code universal}
 * @param step the universal step index (0 for other requests)
 * @param statusCode the status the client got (for a step given up on the universal endpoint: its own)
 * @param success whether that status was 2xx
 * @param cached whether the response came from the cache
 * @param durationMillis from the start to the last byte, retry waits included, in clock milliseconds
 * @param tokensIn input tokens from the provider's usage block, or {@code null} when unknown
 * @param tokensOut output tokens from the provider's usage block, or {@code null} when unknown
 * @param cost the estimated cost in USD (0 for cache hits and unpriced models)
 * @param customCost whether {@code cf-aig-custom-cost} priced the request
 * @param metadata the kept {@code cf-aig-metadata} entries as a JSON object string, or {@code null}
 * @param eventId the event id: the client's {@code cf-aig-event-id}, or the request id
 * @param userAgent the client's {@code User-Agent}, or {@code null}
 * @param authenticated whether the gateway required {@code cf-aig-authorization} for the request
 * @param wholesale whether Unified Billing paid the upstream call (management-api-2.md 2.3 rule 3, 2.4): Cloudflare's
 *     key went upstream and credits were drawn; false for cache hits, request keys, stored keys and gateway errors
 * @param request the request's content type, size and stored body
 * @param response the response's content type, size and stored body
 * @param feedback the feedback set through the Logs API (-1 to 1), or {@code null}
 * @param score the score set through the Logs API (0 to 100), or {@code null}
 * @param scan what the gateway's Guardrails and DLP checks found ({@link ScanOutcome#NONE} when nothing)
 */
public record LogEntry(String id, Instant createdAt, String provider, String model, String path, String requestType,
                       int step, int statusCode, boolean success, boolean cached, long durationMillis,
                       Integer tokensIn, Integer tokensOut, double cost, boolean customCost, String metadata,
                       String eventId, String userAgent, boolean authenticated, boolean wholesale, Payload request,
                       Payload response, Double feedback, Double score, ScanOutcome scan) {

    /** Checks the required components. */
    public LogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        model = model == null ? "" : model;
    }

    /** Returns a copy with the feedback, score and metadata the Logs API's PATCH set. */
    public LogEntry withReview(Double newFeedback, Double newScore, String newMetadata) {
        return new LogEntry(id, createdAt, provider, model, path, requestType, step, statusCode, success, cached,
                durationMillis, tokensIn, tokensOut, cost, customCost, newMetadata, eventId, userAgent, authenticated,
                wholesale, request, response, newFeedback, newScore, scan);
    }

    /**
     * One side of the exchange: its content type, its size and, unless payload logging was off, its bytes.
     *
     * @param contentType the content type, or {@code null}
     * @param size the body size in bytes
     * @param body the stored bytes, or {@code null} when the body was not stored; kept as given, not copied
     */
    public record Payload(String contentType, long size, byte[] body) {

        /** Returns the stored body, if it was stored. */
        @Override
        public byte[] body() {
            return body == null ? null : body.clone();
        }

        /** Tells whether the body was stored. */
        public boolean stored() {
            return body != null;
        }

        /** Returns the stored body as UTF-8 text, if it was stored. */
        public Optional<String> text() {
            return body == null ? Optional.empty() : Optional.of(new String(body, StandardCharsets.UTF_8));
        }

        /** Returns the stored body's length without copying it, or 0. */
        public int storedLength() {
            return body == null ? 0 : body.length;
        }
    }
}
