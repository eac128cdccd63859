package dev.aigw.emulator.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/**
 * One management API answer as a test sees it, already checked against the OpenAPI contract.
 *
 * @param method the request method
 * @param path the request path and query as sent
 * @param status the HTTP status
 * @param headers the response headers
 * @param json the parsed body
 */
public record ApiReply(String method, String path, int status, HttpHeaders headers, JsonNode json) {

    /** Returns the envelope's {@code result}. */
    public JsonNode result() {
        return json.get("result");
    }

    /** Returns the envelope's {@code errors}. */
    public JsonNode errors() {
        return json.get("errors");
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + status + " " + json;
    }
}
