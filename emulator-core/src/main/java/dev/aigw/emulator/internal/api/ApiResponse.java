package dev.aigw.emulator.internal.api;

import com.fasterxml.jackson.databind.JsonNode;

/** What an endpoint answers; the dispatcher writes it in the right envelope. */
public sealed interface ApiResponse {

    /** A success envelope whose {@code result} is the given node ({@code null} writes {@code result: null}). */
    record Single(JsonNode result) implements ApiResponse {
    }

    /** A success envelope with a {@code result} array and {@code result_info}. */
    record Page(JsonNode result, JsonNode resultInfo) implements ApiResponse {
    }

    /** A body written as is, without an envelope (e.g. stored log bodies). */
    record Raw(int status, String contentType, byte[] body) implements ApiResponse {
    }

    static ApiResponse single(JsonNode result) {
        return new Single(result);
    }
}
