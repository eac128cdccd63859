package dev.aigw.emulator.internal.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Ends a request with an error: an HTTP status and a Cloudflare error, and optionally the emulator's own hint
 * saying what to do about it. Thrown from anywhere; the one
 * {@link dev.aigw.emulator.internal.server.ErrorBoundaryHandler} of each surface turns it into that surface's
 * envelope, which never shows the hint (the body stays Cloudflare's), and sends the hint beside it.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final List<ApiError> errors;
    private final boolean serviceError;
    private final String hint;

    private ApiException(int status, ApiError error, boolean serviceError) {
        this(status, List.of(error), serviceError, null, null);
    }

    private ApiException(int status, List<ApiError> errors, boolean serviceError, Throwable cause, String hint) {
        super(errors.stream().map(ApiError::message).collect(Collectors.joining("; ")), cause, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.serviceError = serviceError;
        this.hint = hint;
    }

    /** An error of the v4 front door (authentication, routing): its envelope carries {@code result: null}. */
    public static ApiException frontDoor(int status, ApiError error) {
        return new ApiException(status, error, false);
    }

    /**
     * An error of the AI Gateway service itself (validation, not found): the official schema declares its
     * envelope with an object {@code result}, so it carries {@code result: {}}.
     */
    public static ApiException service(int status, ApiError error) {
        return new ApiException(status, error, true);
    }

    /** An error the gateway's data plane answers itself, rendered as an {@code AiGatewayError}. */
    public static ApiException gateway(int status, int code, String message) {
        return new ApiException(status, ApiError.of(code, message), false);
    }

    /** 400/7001: a request value is invalid; {@code detail} says which and why, {@code path} locates it. */
    public static ApiException validation(String detail, List<String> path) {
        return service(400, new ApiError(7001, "Input Validation Error: " + detail, path, List.of()));
    }

    /**
     * Returns one 400/7001 that carries the error of every failure, in order, so that a reply names every
     * invalid member at once; a single failure is returned as it is.
     *
     * @param failures validation failures ({@link #validation}), at least one
     */
    public static ApiException allOf(List<ApiException> failures) {
        if (failures.size() == 1) {
            return failures.get(0);
        }
        List<ApiError> errors = failures.stream().flatMap(f -> f.errors().stream()).toList();
        return new ApiException(400, errors, true, null, null);
    }

    /** 404/7002 Not Found. */
    public static ApiException notFound() {
        return service(404, ApiError.of(7002, "Not Found"));
    }

    /** 404/7003: no route matches the path. */
    public static ApiException noRoute(String path) {
        return frontDoor(404, ApiError.of(7003,
                "Could not route to " + path + ", perhaps your object identifier is invalid?"));
    }

    /** 405/10405 Method not allowed. */
    public static ApiException methodNotAllowed() {
        return frontDoor(405, ApiError.of(10405, "Method not allowed"));
    }

    /** 413: the request body is larger than the configured limit. */
    public static ApiException bodyTooLarge(long limit) {
        return frontDoor(413, ApiError.of(7001, "Request body too large (limit: " + limit + " bytes)"));
    }

    /**
     * 403/10403: the emulator's own surfaces answer only the test's machine; {@code why} says what was foreign, and
     * the message how to allow it.
     */
    public static ApiException foreignOrigin(String why) {
        return frontDoor(403, ApiError.of(10403, "Forbidden: the control API answers only requests to localhost,"
                + " a loopback address or the address the emulator is bound to, and no state-changing request from"
                + " another origin's web page; this was " + why + ". To allow a host, add it to the allowed hosts:"
                + " AiGatewayEmulator.builder().allowedHosts(\"name\"), --allowed-hosts name, AIGW_ALLOWED_HOSTS=name"
                + " or the config file's \"allowed_hosts\" (\"*\" allows any)"));
    }

    /** 500/10001: an emulator bug; should never be seen. */
    public static ApiException internal() {
        return frontDoor(500, ApiError.of(10001, "Internal server error"));
    }

    /** Returns the same error, caused by {@code cause} (the failure the client's input led to, kept for debugging). */
    public ApiException because(Throwable cause) {
        return new ApiException(status, errors, serviceError, cause, hint);
    }

    /** Returns the same error with a hint for the test author: what is wrong and what to do about it. */
    public ApiException withHint(String hint) {
        return new ApiException(status, errors, serviceError, getCause(), Objects.requireNonNull(hint, "hint"));
    }

    /** Returns the hint for the test author, if the error has one. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    public int status() {
        return status;
    }

    /** Returns the first (usually the only) error. */
    public ApiError error() {
        return errors.get(0);
    }

    /** Returns every error, in the order the reply lists them; one unless built by {@link #allOf}. */
    public List<ApiError> errors() {
        return errors;
    }

    /** Tells whether the AI Gateway service (not the v4 front door) raised this error. */
    public boolean serviceError() {
        return serviceError;
    }
}
