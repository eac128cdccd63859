package dev.aigw.emulator.internal.api;

import java.util.List;

/**
 * One entry of an error list: a Cloudflare error code and message, with the optional {@code path}
 * (validation errors) and {@code error_chain} (v4 authentication errors).
 */
public record ApiError(int code, String message, List<String> path, List<ApiError> errorChain) {

    public ApiError {
        path = path == null ? List.of() : List.copyOf(path);
        errorChain = errorChain == null ? List.of() : List.copyOf(errorChain);
    }

    public static ApiError of(int code, String message) {
        return new ApiError(code, message, List.of(), List.of());
    }
}
