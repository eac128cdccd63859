package dev.aigw.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.emulator.internal.remote.HttpTransport;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Signals that the management API refused a call made from Java ({@code createGateway}, {@code updateGateway},
 * {@code deleteGateway}, a {@link LogQuery} filter): it carries the HTTP status and the errors the API would have
 * answered over HTTP, with the same codes, messages and paths.
 *
 * <pre>{@code
 * try {
 *     emulator.createGateway("my-gateway", GatewaySettings.builder().retryMaxAttempts(6).build());
 * } catch (ManagementApiException e) {
 *     e.errors().get(0).path();   // [body, retry_max_attempts]
 * }
 * }</pre>
 */
public final class ManagementApiException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Describes one entry of the API's {@code errors} array.
     *
     * @param code the Cloudflare error code, e.g. 7001 for a validation error, 7002 for Not Found
     * @param message the message, e.g. {@code Input Validation Error: cache_ttl: expected an integer >= 0, got -1}
     * @param path where the error is, e.g. {@code [body, cache_ttl]}; empty when the error has no location
     */
    public record ApiError(int code, String message, List<String> path) {

        /** Checks the message and copies the path. */
        public ApiError {
            Objects.requireNonNull(message, "message");
            path = List.copyOf(path);
        }
    }

    private final int status;
    private final List<ApiError> errors;

    /** Creates the exception for errors answered with an HTTP status; the message lists them, then the hint. */
    ManagementApiException(int status, List<ApiError> errors, String hint) {
        super(errors.stream().map(ApiError::message).collect(Collectors.joining("; "))
                + (hint == null ? "" : " (" + hint + ")"));
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** Turns an error the management API's code raised into this exception, with a hint for the Java caller. */
    static ManagementApiException of(dev.aigw.emulator.internal.api.ApiException e, String hint) {
        ManagementApiException exception = new ManagementApiException(e.status(), e.errors().stream()
                .map(error -> new ApiError(error.code(), error.message(), error.path())).toList(), hint);
        exception.initCause(e);
        return exception;
    }

    /**
     * Returns the body of a management API answer when it is 2xx; otherwise throws its errors as this exception,
     * with {@code notFoundHint} (or none when {@code null}) on a 404.
     */
    static JsonNode bodyOrThrow(HttpTransport.Reply reply, String notFoundHint) {
        if (reply.ok()) {
            return reply.body();
        }
        List<HttpTransport.Error> errors = reply.errors();
        if (errors.isEmpty()) {
            reply.orThrow();
        }
        throw new ManagementApiException(reply.status(), errors.stream()
                .map(e -> new ApiError(e.code(), e.message(), e.path())).toList(),
                reply.status() == 404 ? notFoundHint : null);
    }

    /** Says what to do about a gateway that does not exist, for the Java caller. */
    static String noSuchGateway(String id, String accountId) {
        return "no gateway \"" + id + "\" exists in account " + accountId + "; gateways() lists those that do";
    }

    /** Returns the HTTP status the API would have answered, e.g. 400 or 404. */
    public int status() {
        return status;
    }

    /** Returns the errors the API would have answered, in its order: one for each invalid field. */
    public List<ApiError> errors() {
        return errors;
    }
}
